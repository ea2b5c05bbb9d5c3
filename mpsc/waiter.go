package mpsc

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/internal/backoff"
	"github.com/fearlessgo/fearless/internal/sched"
)

// Outcomes a waiter can be selected with. A value of selOperation or more
// names the operation (the Select case) that was made ready.
const (
	selWaiting uint32 = iota
	selAborted
	selDisconnected
	selHanded // a receiver took the sender's value to send it itself
	selSent   // ... and sent it
	selOperation
)

// A waiter is one goroutine blocked in a channel operation or a Select. It
// may be registered with several channels at once; whoever first moves it
// away from waiting owns the wake-up, so a waiter is woken exactly once per
// wait, for exactly one reason.
//
// Its state holds a generation count in the high 32 bits, the selection
// shifted left by one below, and in the low bit whether the owner is parked
// or about to park. A wait does not reset the state (which would cost a
// locked instruction): it begins by noting the state as it is, and the
// waiter counts as waiting as long as the state still has that value. Every
// selection moves to the next generation, so the value never comes back.
// A selector that finds the parked bit clear need not unpark: the owner
// looks at the state again after setting the bit and before parking.
type waiter struct {
	state  atomic.Uint64
	parker atomic.Pointer[sched.Parker]
}

const parkedBit = 1

// begin starts a wait and returns the state value that means waiting. Only
// the owner calls it, while no selection of an earlier wait can come.
func (w *waiter) begin() uint64 { return w.state.Load() &^ parkedBit }

// selection returns how the waiter was selected in the wait that began
// with expect, or selWaiting.
func (w *waiter) selection(expect uint64) uint32 {
	s := w.state.Load()
	if s&^parkedBit == expect {
		return selWaiting
	}
	return uint32(s) >> 1
}

// trySelect moves the waiter from the wait that began with expect to sel.
// It fails when someone else did first, or the owner gave up. A selector
// other than the owner must call unpark when told to (it may first release
// its locks).
func (w *waiter) trySelect(expect uint64, sel uint32) (selected, mustUnpark bool) {
	next := (expect>>32+1)<<32 | uint64(sel)<<1
	// Most often the owner has not parked: one CAS, without first loading
	// a line that the owner's core holds.
	if w.state.CompareAndSwap(expect, next) {
		return true, false
	}
	// Else the owner has set the parked bit (it never clears it), or the
	// wait is over and neither CAS can succeed.
	return w.state.CompareAndSwap(expect|parkedBit, next), true
}

// unpark wakes the owner, which parks or is about to. A late unpark may leave
// a stale token in the parker of a waiter that went on to wait again; wait
// treats a token as a hint and looks at its state.
func (w *waiter) unpark() { w.parker.Load().Unpark() }

// woken finishes a selection made under a lock, once it is released: it
// unparks w when the selection said to, and reports whether a waiter (w
// non-nil) was selected at all.
func woken(w *waiter, mustUnpark bool) bool {
	if mustUnpark {
		w.unpark()
	}
	return w != nil
}

// wait blocks until the wait that began with expect is selected, or until
// ctx is done or the deadline passes (zero: none), in which case it selects
// itself as aborted. It returns how it was selected; a selection that won
// the race against the timeout is returned as that selection, never lost.
func (w *waiter) wait(expect uint64, yields int, ctx context.Context, deadline time.Time) uint32 {
	// The other side is often about to act: let it run on this processor
	// a few times before paying for a park and an unpark.
	for range backoff.Yields(yields) {
		if sel := w.selection(expect); sel != selWaiting {
			return sel
		}
		backoff.Yield()
	}
	p := w.parker.Load()
	if p == nil {
		p = sched.NewParker()
		w.parker.Store(p)
	}
	for {
		s := w.state.Load()
		if s&^parkedBit != expect {
			return uint32(s) >> 1
		}
		if s&parkedBit == 0 && !w.state.CompareAndSwap(s, s|parkedBit) {
			continue
		}
		var err error
		switch {
		case ctx == nil && deadline.IsZero():
			p.Park()
		case deadline.IsZero():
			err = p.ParkContext(ctx, 0)
		default:
			if ctx == nil {
				ctx = context.Background()
			}
			if d := sched.Until(deadline); d > 0 {
				err = p.ParkContext(ctx, d)
			} else {
				err = context.DeadlineExceeded
			}
		}
		if err != nil {
			if ok, _ := w.trySelect(expect, selAborted); ok {
				return selAborted
			}
			return w.selection(expect)
		}
		// Woken, or a stale token: the state says which.
	}
}
