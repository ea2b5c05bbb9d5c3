package sync

import (
	stdsync "sync"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

const (
	opCondWait  sched.Op = "Cond.Wait"
	opSignal    sched.Op = "Cond.Signal"
	opBroadcast sched.Op = "Cond.Broadcast"
)

// Cond is sync.Cond.
type Cond struct {
	L Locker

	once   stdsync.Once
	native *stdsync.Cond
}

// NewCond is sync.NewCond.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

type condState struct {
	labelled
	q gort.Queue
}

func (c *Cond) nativeCond() *stdsync.Cond {
	c.once.Do(func() { c.native = stdsync.NewCond(c.L) })
	return c.native
}

func (c *Cond) state(r sched.Runner) *condState {
	return state(r, c, func(site *sched.CallSite) *condState { return &condState{labelled: named("sync.Cond", site)} })
}

// Wait is sync.Cond.Wait.
func (c *Cond) Wait() {
	r := gort.Runner()
	if r == nil {
		c.nativeCond().Wait()
		return
	}
	st := c.state(r)
	sched.Point(opCondWait, st)
	w := gort.NewWaiter()
	st.q.Push(w)
	c.L.Unlock()
	w.ParkHandedOver() // what it does next, Lock, is a switch point of its own
	c.L.Lock()
}

// Signal is sync.Cond.Signal.
func (c *Cond) Signal() {
	r := gort.Runner()
	if r == nil {
		c.nativeCond().Signal()
		return
	}
	st := c.state(r)
	sched.Point(opSignal, st)
	st.q.WakeOne()
}

// Broadcast is sync.Cond.Broadcast.
func (c *Cond) Broadcast() {
	r := gort.Runner()
	if r == nil {
		c.nativeCond().Broadcast()
		return
	}
	st := c.state(r)
	sched.Point(opBroadcast, st)
	st.q.WakeAll()
}
