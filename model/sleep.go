package model

import "github.com/fearlessgo/fearless/internal/sched"

// Sleep sets (Godefroid 1996), which partial-order reduction needs to avoid
// running many schedules that only reorder independent transitions: once
// the search has tried thread p at a decision and moves on to another
// thread q there, p is put to sleep: it is not chosen again until some
// transition dependent on p's next one runs, because every schedule that
// runs p first from here was covered by the earlier search. A run in which
// every thread that could go on is asleep is redundant and is abandoned.
//
// A sleeping thread is described by the accesses its transition made when it
// was tried. Objects are numbered in the order a run first touches them,
// which is the same in every run that shares the decisions up to the branch;
// an object first touched after the branch has no stable number, so a
// sleeper that touched one ("fresh") wakes at any transition that touches an
// object the branch had not seen. An object whose making the scheduler is
// told of (sched.Created) is named by its maker instead, which is stable
// (see created).

// sleeping is the sleep-set state of a run.
type sleeping struct {
	touched   int      // objects numbered by first touch (objState)
	tacc      []accRec // the running transition's accesses
	tglobal   bool
	sleep     []*sleeper // asleep after the last transition
	redundant bool       // abandoned: every thread that could go on was asleep
}

type accRec struct {
	id    int
	write bool
}

// sleeper is the transition a thread took from a branch.
type sleeper struct {
	tid    int
	acc    []accRec
	global bool // it touched everything
	fresh  bool // it touched an object first touched after the branch
	nobj   int  // objects numbered when the branch was taken

	accBuf [4]accRec // acc, for the few objects most transitions touch
}

// newSleeper adds the sleeper of thread tid, tried at b, to b.explored.
func (b *branch) newSleeper(tid int, store *branches) *sleeper {
	s := &b.first
	if len(b.explored) > 0 {
		s = store.sleeper()
	} else {
		b.explored = b.exploredBuf[:0:len(b.exploredBuf)]
	}
	*s = sleeper{tid: tid, nobj: b.nobj}
	s.acc = s.accBuf[:0:len(s.accBuf)]
	b.explored = append(b.explored, s)
	return s
}

// add merges accesses into s (a transition may be tried more than once from
// a branch, with different values read; the union covers them all).
func (s *sleeper) add(acc []accRec, global bool) {
	s.global = s.global || global
	for _, a := range acc {
		if a.id >= s.nobj {
			s.fresh = true
			continue
		}
		merged := false
		for i := range s.acc {
			if s.acc[i].id == a.id {
				s.acc[i].write = s.acc[i].write || a.write
				merged = true
			}
		}
		if !merged {
			s.acc = append(s.acc, a)
		}
	}
}

// wakes reports whether a transition with accesses acc is dependent on s.
func (s *sleeper) wakes(acc []accRec, global bool) bool {
	if s.global || global {
		return true
	}
	for _, a := range acc {
		if a.id >= s.nobj {
			if s.fresh {
				return true
			}
			continue
		}
		for _, b := range s.acc {
			if a.id == b.id && (a.write || b.write) {
				return true
			}
		}
	}
	return false
}

// objState returns the state of obj in the run, numbered in the order the
// run first touches objects unless it has a name from its making (see
// created).
func (e *execution) objState(obj any) *objState {
	// The objects every run touches keep their state themselves.
	switch o := obj.(type) {
	case *mthread:
		if o.os == nil {
			o.os = e.lookup(obj)
		}
		return o.os
	case *sched.Parker:
		return e.parkerObj(o)
	}
	return e.lookup(obj)
}

// lookup returns the state of obj from the object store, numbering obj if
// the run has not touched it before.
func (e *execution) lookup(obj any) *objState {
	os := e.objs.get(obj)
	if os == nil {
		os = e.objs.add(obj)
		os.id = e.touched
		e.touched++
		e.lastProgress = e.decisions
	}
	return os
}

// created names obj, just made by thread t, by t and the number of objects
// t made before: the same name in every run in which t did the same
// things, whatever the others did. Such a name is never fresh to a sleeper:
// a transition of a sleeping thread that made objects made them itself, so
// no other transition can touch them before it runs again. Names are
// negative, apart from the numbers of first touches.
func (e *execution) created(t *mthread, obj any) {
	if !comparable(obj) {
		return
	}
	if p, ok := obj.(*sched.Parker); ok {
		if s := &e.seats[e.seat(p)]; s.os == nil {
			s.os = e.name(t, e.objs.add(obj))
		}
		return
	}
	if e.objs.get(obj) == nil {
		e.name(t, e.objs.add(obj))
	}
}

// name gives os, the state of an object thread t just made, its name.
func (e *execution) name(t *mthread, os *objState) *objState {
	os.id = -1 - (t.id<<32 | t.made)
	t.made++
	e.lastProgress = e.decisions
	return os
}

// endTransition closes the running transition for the sleep sets: the
// branch that chose it learns what it did, and the sleepers it is dependent
// on wake up.
func (e *execution) endTransition() {
	if !e.dpor || e.curTrans == 0 {
		return
	}
	t := e.cur
	if pos := e.trans[e.curTrans-1]; pos >= 0 {
		b := e.path[pos]
		s := sleeperOf(b.explored, t.id)
		if s == nil {
			s = b.newSleeper(t.id, &e.x.branches)
		}
		s.add(e.tacc, e.tglobal)
	}
	e.sleep = e.stillAsleep(t)
	e.tacc, e.tglobal = e.tacc[:0], false
}

// stillAsleep returns the sleepers of e.sleepExec that the transition of t
// just ended does not wake. The branches keep the slice it returns
// (sleepIn): it is new, unless it would hold what e.sleep holds.
func (e *execution) stillAsleep(t *mthread) []*sleeper {
	same := true // so far, the sleepers kept are e.sleep's, in order
	n := 0
	for _, s := range e.sleepExec {
		if s.tid != t.id && !s.wakes(e.tacc, e.tglobal) {
			same = same && n < len(e.sleep) && e.sleep[n] == s
			n++
		}
	}
	if same && n == len(e.sleep) {
		return e.sleep
	}
	next := e.x.branches.sleeperList(n)
	for _, s := range e.sleepExec {
		if s.tid != t.id && !s.wakes(e.tacc, e.tglobal) {
			next = append(next, s)
		}
	}
	return next
}

// enterBranch sets the sleepers in force while the transition chosen at b
// runs: those inherited, and the threads tried at b before the chosen one.
func (e *execution) enterBranch(b *branch) {
	if !e.dpor {
		return
	}
	b.sleepIn = e.sleep
	b.nobj = e.touched
	// Asleep while the transition runs: not kept past it.
	exec := append(e.sleepExec[:0], e.sleep...)
	for _, s := range b.explored {
		if s.tid != b.chosen && b.done.has(s.tid) && !asleep(exec, s.tid) {
			exec = append(exec, s)
		}
	}
	e.sleepExec = exec
}

func asleep(ss []*sleeper, tid int) bool { return sleeperOf(ss, tid) != nil }

// sleeperOf returns the sleeper of thread tid in ss, or nil.
func sleeperOf(ss []*sleeper, tid int) *sleeper {
	for _, s := range ss {
		if s.tid == tid {
			return s
		}
	}
	return nil
}
