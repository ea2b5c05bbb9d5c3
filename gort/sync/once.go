package sync

import (
	stdsync "sync"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

const opDo sched.Op = "Once.Do"

// Once is sync.Once. Under the explorer, each run starts with every Once
// not done, package-level ones included, so that each run is the program
// from its start.
type Once struct {
	native stdsync.Once
}

type onceState struct {
	labelled
	done, running bool
	q             gort.Queue
}

// Do is sync.Once.Do.
func (o *Once) Do(f func()) {
	r := gort.Runner()
	if r == nil {
		o.native.Do(f)
		return
	}
	st := state(r, o, func(site *sched.CallSite) *onceState { return &onceState{labelled: named("sync.Once", site)} })
	sched.Point(opDo, st)
	if st.running {
		// f has returned (or panicked, which counts as returning) when
		// the waiters are woken.
		w := gort.NewWaiter()
		st.q.Push(w)
		w.ParkHandedOver()
		return
	}
	if st.done {
		return
	}
	st.running = true
	defer func() {
		st.running, st.done = false, true
		st.q.WakeAll()
	}()
	f()
}

// OnceFunc is sync.OnceFunc.
func OnceFunc(f func()) func() {
	var once Once
	var p any
	var panicked bool
	return func() {
		once.Do(func() {
			panicked = true
			defer func() {
				if panicked {
					p = recover()
				}
			}()
			f()
			panicked = false
		})
		if panicked {
			panic(p)
		}
	}
}

// OnceValue is sync.OnceValue.
func OnceValue[T any](f func() T) func() T {
	var v T
	g := OnceFunc(func() { v = f() })
	return func() T { g(); return v }
}

// OnceValues is sync.OnceValues.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var v1 T1
	var v2 T2
	g := OnceFunc(func() { v1, v2 = f() })
	return func() (T1, T2) { g(); return v1, v2 }
}
