package sync

import (
	stdsync "sync"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

const (
	opAdd  sched.Op = "WaitGroup.Add"
	opWait sched.Op = "WaitGroup.Wait"
)

// WaitGroup is sync.WaitGroup.
type WaitGroup struct {
	native stdsync.WaitGroup
}

type wgState struct {
	labelled
	n int
	q gort.Queue
}

func (wg *WaitGroup) state(r sched.Runner) *wgState {
	return state(r, wg, func(site *sched.CallSite) *wgState { return &wgState{labelled: named("sync.WaitGroup", site)} })
}

// Add is sync.WaitGroup.Add.
func (wg *WaitGroup) Add(delta int) {
	r := gort.Runner()
	if r == nil {
		wg.native.Add(delta)
		return
	}
	st := wg.state(r)
	sched.Point(opAdd, st)
	st.n += delta
	if st.n < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if st.n == 0 {
		st.q.WakeAll()
	}
}

// Done is sync.WaitGroup.Done.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait is sync.WaitGroup.Wait.
func (wg *WaitGroup) Wait() {
	r := gort.Runner()
	if r == nil {
		wg.native.Wait()
		return
	}
	st := wg.state(r)
	sched.Point(opWait, st)
	if st.n > 0 {
		// As in Go, the counter reaching zero releases the waiters, even
		// if an Add raises it again before they run.
		w := gort.NewWaiter()
		st.q.Push(w)
		w.ParkHandedOver()
	}
}

// Go is sync.WaitGroup.Go: f in a new goroutine, counted in wg.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	gort.Go(func() {
		defer wg.Done()
		f()
	})
}
