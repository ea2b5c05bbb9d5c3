package sync

import (
	stdsync "sync"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

const (
	opRLock    sched.Op = "RWMutex.RLock"
	opRUnlock  sched.Op = "RWMutex.RUnlock"
	opWLock    sched.Op = "RWMutex.Lock"
	opWUnlock  sched.Op = "RWMutex.Unlock"
	opTryRLock sched.Op = "RWMutex.TryRLock"
	opTryWLock sched.Op = "RWMutex.TryLock"
)

// RWMutex is sync.RWMutex. As in Go, a goroutine blocked in Lock keeps new
// readers out until it has had the lock, so a reader that takes RLock twice
// while a writer waits deadlocks, under the explorer as in production.
type RWMutex struct {
	native stdsync.RWMutex
}

type rwState struct {
	labelled
	readers int
	writer  bool
	waiting int // writers blocked in Lock
	rq, wq  gort.Queue
}

func (m *RWMutex) state(r sched.Runner) *rwState {
	return state(r, m, func(site *sched.CallSite) *rwState { return &rwState{labelled: named("sync.RWMutex", site)} })
}

// RLock is sync.RWMutex.RLock.
func (m *RWMutex) RLock() {
	r := gort.Runner()
	if r == nil {
		m.native.RLock()
		return
	}
	st := m.state(r)
	sched.Point(opRLock, st)
	for st.writer || st.waiting > 0 {
		w := gort.NewWaiter()
		st.rq.Push(w)
		w.Park()
	}
	st.readers++
}

// TryRLock is sync.RWMutex.TryRLock.
func (m *RWMutex) TryRLock() bool {
	r := gort.Runner()
	if r == nil {
		return m.native.TryRLock()
	}
	st := m.state(r)
	sched.Point(opTryRLock, st)
	if st.writer || st.waiting > 0 {
		return false
	}
	st.readers++
	return true
}

// RUnlock is sync.RWMutex.RUnlock.
func (m *RWMutex) RUnlock() {
	r := gort.Runner()
	if r == nil {
		m.native.RUnlock()
		return
	}
	st := m.state(r)
	sched.Point(opRUnlock, st)
	if st.readers == 0 {
		panic("fatal error: sync: RUnlock of unlocked RWMutex")
	}
	st.readers--
	if st.readers == 0 {
		st.wq.WakeOne()
	}
}

// Lock is sync.RWMutex.Lock.
func (m *RWMutex) Lock() {
	r := gort.Runner()
	if r == nil {
		m.native.Lock()
		return
	}
	st := m.state(r)
	sched.Point(opWLock, st)
	st.waiting++
	for st.writer || st.readers > 0 {
		w := gort.NewWaiter()
		st.wq.Push(w)
		w.Park()
	}
	st.waiting--
	st.writer = true
}

// TryLock is sync.RWMutex.TryLock.
func (m *RWMutex) TryLock() bool {
	r := gort.Runner()
	if r == nil {
		return m.native.TryLock()
	}
	st := m.state(r)
	sched.Point(opTryWLock, st)
	if st.writer || st.readers > 0 {
		return false
	}
	st.writer = true
	return true
}

// Unlock is sync.RWMutex.Unlock.
func (m *RWMutex) Unlock() {
	r := gort.Runner()
	if r == nil {
		m.native.Unlock()
		return
	}
	st := m.state(r)
	sched.Point(opWUnlock, st)
	if !st.writer {
		panic("fatal error: sync: Unlock of unlocked RWMutex")
	}
	st.writer = false
	st.rq.WakeAll()
	st.wq.WakeOne()
}

// RLocker is sync.RWMutex.RLocker.
func (m *RWMutex) RLocker() Locker { return rlocker{m} }

type rlocker struct{ m *RWMutex }

func (l rlocker) Lock()   { l.m.RLock() }
func (l rlocker) Unlock() { l.m.RUnlock() }
