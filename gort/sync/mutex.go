package sync

import (
	stdsync "sync"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

const (
	opLock    sched.Op = "Mutex.Lock"
	opTryLock sched.Op = "Mutex.TryLock"
	opUnlock  sched.Op = "Mutex.Unlock"
)

// Mutex is sync.Mutex.
type Mutex struct {
	native stdsync.Mutex
}

type mutexState struct {
	labelled
	locked bool
	q      gort.Queue
}

func (m *Mutex) state(r sched.Runner) *mutexState {
	return state(r, m, func(site *sched.CallSite) *mutexState { return &mutexState{labelled: named("sync.Mutex", site)} })
}

// Lock is sync.Mutex.Lock.
func (m *Mutex) Lock() {
	r := gort.Runner()
	if r == nil {
		m.native.Lock()
		return
	}
	st := m.state(r)
	sched.Point(opLock, st)
	starving := false
	for st.locked {
		w := gort.NewWaiter()
		w.Starving = starving
		if starving {
			st.q.PushFront(w)
		} else {
			st.q.Push(w)
		}
		w.Park()
		if w.Granted {
			return // handed over: still locked, now by this goroutine
		}
		starving = true // woken, and another goroutine took the lock first
	}
	st.locked = true
}

// TryLock is sync.Mutex.TryLock.
func (m *Mutex) TryLock() bool {
	r := gort.Runner()
	if r == nil {
		return m.native.TryLock()
	}
	st := m.state(r)
	sched.Point(opTryLock, st)
	if st.locked {
		return false
	}
	st.locked = true
	return true
}

// Unlock is sync.Mutex.Unlock. As sync.Mutex does, it hands the lock
// straight to a waiter that already lost it once to another goroutine, so
// that a goroutine that locks in a loop cannot starve the others. Unlocking an unlocked mutex is a fatal error
// in Go; under the explorer it is a panic, reported with its stack.
func (m *Mutex) Unlock() {
	r := gort.Runner()
	if r == nil {
		m.native.Unlock()
		return
	}
	st := m.state(r)
	sched.Point(opUnlock, st)
	if !st.locked {
		panic("fatal error: sync: unlock of unlocked mutex")
	}
	if w := st.q.Pop(); w != nil {
		if w.Starving {
			w.Granted = true // the lock stays locked, for w
		} else {
			st.locked = false
		}
		w.Wake()
		return
	}
	st.locked = false
}
