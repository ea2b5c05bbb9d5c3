package shared

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/backoff"
	"github.com/fearlessgo/fearless/internal/label"
	"github.com/fearlessgo/fearless/internal/sched"
)

const opBarrier sched.Op = "shared.Barrier.Wait"

// A Barrier makes n goroutines wait until all n have called Wait, then lets
// them all go, like Rust's std::sync::Barrier. It is reusable: the next n
// calls form the next generation. Exactly one goroutine of each generation,
// the last to arrive, is its leader. A Barrier must not be copied after
// first use; its zero value is a barrier for one goroutine.
//
// Waiters park durably. As with Go's channels, use a Barrier either inside
// one testing/synctest bubble or outside all of them: the places it keeps
// for its waiters from one generation to the next belong to the bubble
// they were made in.
type Barrier struct {
	_     noCopy
	label label.Label
	n     int
	mu    sync.Mutex // guards the rest
	count int
	// parked lists this generation's waiters, parked or about to park;
	// the leader unparks them all.
	parked *barrierWaiter
	// spare queues the waiters of earlier generations, oldest first, to be
	// used again once their goroutine has woken, so that a Wait in a
	// steady state allocates nothing.
	spare, spareTail *barrierWaiter
	spares           int // in spare; at most two generations' worth
}

// A barrierWaiter is one goroutine's place in a generation. Its goroutine
// parks on p, through the scheduler seam as every fearless wait does.
type barrierWaiter struct {
	p     *sched.Parker
	state atomic.Uint32  // barrierWaiting, barrierParked, barrierReleased or barrierDone
	next  *barrierWaiter // in parked
	queue *barrierWaiter // in spare
}

// NewBarrier returns a barrier for n goroutines. A barrier for 0 acts as
// one for 1, as in Rust. NewBarrier panics if n is negative.
func NewBarrier(n int) *Barrier {
	if n < 0 {
		panic(fmt.Sprintf("shared: NewBarrier: n is %d, below 0; pass the number of goroutines each generation waits for (with 0 or 1, Wait does not wait)", n))
	}
	b := &Barrier{n: n}
	if tracking() {
		b.label.Record(0)
	}
	return b
}

// Named gives b a name for reports and returns b, as Mutex.Named does.
func (b *Barrier) Named(name string) *Barrier {
	b.label.SetName(name)
	return b
}

// SchedLabel names b in reports, as Mutex.SchedLabel does.
func (b *Barrier) SchedLabel() string { return b.label.Describe("Barrier") }

// BarrierWaitResult tells a goroutine whether it led its generation.
type BarrierWaitResult struct{ leader bool }

// IsLeader reports whether this goroutine was the generation's leader.
func (r BarrierWaitResult) IsLeader() bool { return r.leader }

// String formats r like Rust's Debug: "BarrierWaitResult { is_leader: true }".
func (r BarrierWaitResult) String() string {
	return fmt.Sprintf("BarrierWaitResult { is_leader: %t }", r.leader)
}

// Wait blocks until n goroutines (counting this one) have called Wait in
// this generation. The last to arrive does not block and is the leader.
// Waiters park durably.
func (b *Barrier) Wait() BarrierWaitResult {
	sched.Point(opBarrier, b)
	b.mu.Lock()
	b.count++
	if b.count < b.n {
		w := b.place()
		w.next, b.parked = b.parked, w
		b.mu.Unlock()
		w.await()
		w.state.Store(barrierDone) // w is free to use again
		return BarrierWaitResult{}
	}
	parked := b.parked
	b.parked, b.count = nil, 0
	for w := parked; w != nil; w = w.next {
		b.keep(w)
	}
	b.mu.Unlock()
	for w := parked; w != nil; {
		next := w.next // w may be in use again once released
		w.release()
		w = next
	}
	return BarrierWaitResult{leader: true}
}

// place returns a waiter for the calling goroutine: the oldest spare one if
// its goroutine is done with it (barrierDone), or a new one. b.mu is held.
func (b *Barrier) place() *barrierWaiter {
	w := b.spare
	if w == nil || w.state.Load() != barrierDone {
		return &barrierWaiter{p: sched.NewParker()}
	}
	if b.spare = w.queue; b.spare == nil {
		b.spareTail = nil
	}
	b.spares--
	w.queue = nil
	w.state.Store(barrierWaiting)
	return w
}

// keep queues w, about to be unparked, as a spare, unless two
// generations' worth wait already (the oldest has not woken yet). b.mu is
// held.
func (b *Barrier) keep(w *barrierWaiter) {
	if b.spares >= 2*b.n {
		return
	}
	b.spares++
	if b.spareTail == nil {
		b.spare = w
	} else {
		b.spareTail.queue = w
	}
	b.spareTail = w
}

// String formats b like Rust's Debug: "Barrier { .. }".
func (b *Barrier) String() string { return "Barrier { .. }" }

// barrierYields is how many times a waiter yields the processor before it
// parks. One yield lets the goroutines queued on this processor arrive
// first; more, or spinning, leave the leader's processor waiting for the
// yielders (measured on bench's barrier/generations).
const barrierYields = 1

// A barrierWaiter's state: its goroutine waits without parking, or parks,
// until the leader releases it; once back in Wait, the goroutine marks the
// waiter done, and the barrier may hand it to a later generation.
const (
	barrierWaiting uint32 = iota
	barrierParked
	barrierReleased
	barrierDone
)

// await returns once the leader has released w. The goroutine yields the
// processor first (barrierYields times): the goroutines still to arrive are
// often runnable on this very processor, and when the last of them arrives
// meanwhile, no park and unpark are needed.
func (w *barrierWaiter) await() {
	for range backoff.Yields(barrierYields) {
		if w.state.Load() == barrierReleased {
			return
		}
		backoff.Yield()
	}
	if w.state.CompareAndSwap(barrierWaiting, barrierParked) {
		w.p.Park() // release unparks it exactly once
	}
}

// release lets w's goroutine go, unparking it if it parked.
func (w *barrierWaiter) release() {
	if w.state.Swap(barrierReleased) == barrierParked {
		w.p.Unpark()
	}
}
