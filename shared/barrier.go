package shared

import (
	"fmt"
	"sync"

	"github.com/fearlessgo/fearless/internal/label"
	"github.com/fearlessgo/fearless/internal/sched"
)

const opBarrier sched.Op = "shared.Barrier.Wait"

// A Barrier makes n goroutines wait until all n have called Wait, then lets
// them all go, like Rust's std::sync::Barrier. It is reusable: the next n
// calls form the next generation. Exactly one goroutine of each generation,
// the last to arrive, is its leader. A Barrier must not be copied after
// first use; its zero value is a barrier for one goroutine.
type Barrier struct {
	_     noCopy
	label label.Label
	n     int
	mu    sync.Mutex // guards the rest
	count int
	// released is closed when the generation's leader arrives: one close
	// lets every waiter go, and a generation allocates one channel.
	released chan struct{}
	// waiters park here instead under a deterministic scheduler, which
	// steers parkers but not channels.
	waiters []*sched.Parker
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
		if sched.Installed() {
			p := sched.NewParker()
			b.waiters = append(b.waiters, p)
			b.mu.Unlock()
			p.Park()
			return BarrierWaitResult{}
		}
		if b.released == nil {
			b.released = make(chan struct{})
		}
		released := b.released
		b.mu.Unlock()
		<-released
		return BarrierWaitResult{}
	}
	released, waiters := b.released, b.waiters
	b.released, b.waiters, b.count = nil, nil, 0
	b.mu.Unlock()
	if released != nil {
		close(released)
	}
	for _, p := range waiters {
		p.Unpark()
	}
	return BarrierWaitResult{leader: true}
}

// String formats b like Rust's Debug: "Barrier { .. }".
func (b *Barrier) String() string { return "Barrier { .. }" }
