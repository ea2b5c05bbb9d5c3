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
	return state(r, m, func(site string) *mutexState { return &mutexState{labelled: named("sync.Mutex", site)} })
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
	for st.locked {
		w := gort.NewWaiter()
		st.q.Push(w)
		w.Park()
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

// Unlock is sync.Mutex.Unlock. Unlocking an unlocked mutex is a fatal error
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
	st.locked = false
	st.q.WakeOne()
}
