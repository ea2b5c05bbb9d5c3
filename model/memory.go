package model

import (
	"fmt"

	"github.com/fearlessgo/fearless/internal/sched"
)

// The memory model, in the spirit of C11 as loom models it. Each atomic
// location keeps every store made to it in modification order (the order
// they were made in the run). A load may read any store that is not older
// than one it must see:
//   - a store that happens before the load (write-read coherence),
//   - a store that a load happening before it read (read-read coherence),
//   - for a SeqCst load, the latest SeqCst store;
// and the search tries each one it may read. An Acquire load that reads a
// Release store (or a read-modify-write continuing its release sequence)
// makes everything that happened before the store happen before the load.
// Read-modify-writes always read the latest store. Happens-before also
// comes from every other fearless operation (locks, channels, spawn, join,
// barriers), which synchronise as Rust's do.
//
// A thread that yields (thread.YieldNow, thread.Sleep) catches up: its
// later loads see at least every store made before the yield. Nothing in
// C11 promises it, but every real machine makes stores visible eventually,
// and without it a spin loop that yields could read a stale value forever.

// memory is the weak-memory state of a run: every atomic location's stores.
type memory struct {
	locs     map[any]*location
	storeSeq int
}

// mstore is one store to a location.
type mstore struct {
	val   any
	tid   int    // the storing thread; -1 for the value the location had
	stamp int    // the storing transition
	seq   int    // the order of the store among all stores of the run
	rel   vclock // what an Acquire load that reads it synchronises with
	sc    bool
	seen  []int // thread id -> the first transition of it that read the store
}

type location struct {
	stores []*mstore
	lastSC int // index of the latest SeqCst store, or -1
}

func acquires(ord int) bool {
	return ord == sched.Acquire || ord == sched.AcqRel || ord == sched.SeqCst
}

func releases(ord int) bool {
	return ord == sched.Release || ord == sched.AcqRel || ord == sched.SeqCst
}

func (s *mstore) markSeen(t *mthread, k int) {
	for len(s.seen) <= t.id {
		s.seen = append(s.seen, 0)
	}
	if s.seen[t.id] == 0 {
		s.seen[t.id] = k
	}
}

// observed reports whether t must read s or a later store.
func (e *execution) observed(t *mthread, s *mstore) bool {
	if s.tid < 0 || s.seq <= t.caught || s.stamp <= t.mem.get(s.tid) {
		return true
	}
	for u, k := range s.seen {
		if k != 0 && k <= t.mem.get(u) {
			return true
		}
	}
	return false
}

func (e *execution) location(loc any, initial any) *location {
	l := e.locs[loc]
	if l == nil {
		l = &location{stores: []*mstore{{val: initial, tid: -1}}, lastSC: -1}
		if e.locs == nil {
			e.locs = map[any]*location{} // most runs have no atomics
		}
		e.locs[loc] = l
	}
	return l
}

// memAccess records the running transition's access to an atomic location.
// The Point that announced the operation named the atomic (or its
// location): it synchronises nothing by itself.
func (e *execution) memAccess(loc any, write bool) {
	if !comparable(loc) {
		panic(fmt.Sprintf("model: atomic location of type %T cannot be a map key; pass a pointer", loc))
	}
	if e.pendSet {
		e.pendSet = false
		if comparable(e.pendObj) && e.pendObj != loc {
			e.access(e.pendObj, true, true, false)
		}
	}
	e.access(loc, write, true, false)
}

func (e *execution) load(loc any, ord int, initial any) any {
	e.lock()
	e.checkLive()
	defer e.mu.Unlock()
	t := e.cur
	e.memAccess(loc, false)
	l := e.location(loc, initial)
	floor := 0
	for i := len(l.stores) - 1; i >= 0; i-- {
		if e.observed(t, l.stores[i]) {
			floor = i
			break
		}
	}
	if ord == sched.SeqCst && l.lastSC > floor {
		floor = l.lastSC
	}
	back := 0
	if n := len(l.stores) - floor; n > 1 {
		back = e.chooseValue(n)
	}
	newest := l.stores[len(l.stores)-1]
	s := l.stores[len(l.stores)-1-back]
	s.markSeen(t, e.curTrans)
	if acquires(ord) && s.rel != nil {
		t.mem.join(s.rel)
	}
	if back > 0 {
		e.note(fmt.Sprintf("load reads %v, %d store(s) older than the newest (%v)", s.val, back, newest.val))
	}
	return s.val
}

func (e *execution) store(loc any, ord int, v any, initial any) {
	e.lock()
	e.checkLive()
	defer e.mu.Unlock()
	t := e.cur
	e.memAccess(loc, true)
	l := e.location(loc, initial)
	e.append(t, l, v, ord, nil)
}

func (e *execution) update(loc any, success, failure int, initial any, f func(old any) (any, bool)) any {
	e.lock()
	e.checkLive()
	defer e.mu.Unlock()
	t := e.cur
	e.memAccess(loc, true)
	l := e.location(loc, initial)
	last := l.stores[len(l.stores)-1]
	last.markSeen(t, e.curTrans)
	v, ok := f(last.val)
	ord := failure
	if ok {
		ord = success
	}
	if acquires(ord) && last.rel != nil {
		t.mem.join(last.rel)
	}
	if ok {
		// A read-modify-write continues the release sequence of the store
		// it read, whatever its own ordering.
		e.append(t, l, v, success, last.rel)
	}
	return last.val
}

func (e *execution) append(t *mthread, l *location, v any, ord int, carried vclock) {
	e.storeSeq++
	s := &mstore{val: v, tid: t.id, stamp: e.curTrans, seq: e.storeSeq, sc: ord == sched.SeqCst}
	if releases(ord) {
		s.rel = t.mem.clone()
	}
	if carried != nil {
		s.rel.join(carried)
	}
	s.markSeen(t, e.curTrans)
	l.stores = append(l.stores, s)
	if s.sc {
		l.lastSC = len(l.stores) - 1
	}
}
