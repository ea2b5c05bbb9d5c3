package session

import (
	"runtime"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/backoff"
	"github.com/fearlessgo/fearless/internal/sched"
)

// A side's life: open until it closes, aborts, is dropped or fails.
const (
	open uint32 = iota
	closed
	aborted
	dropped
	failed // it panicked because its peer left; nothing more to report
)

// conn is what the two endpoints of one session share: for each side, an
// inbox of the messages sent to it, its state, and a parker to wait on.
// Messages are payloads of Put and the choices of Left and Right (as
// bool), in the order sent; the protocol types guarantee that the receiver
// expects exactly what comes next. conn never points to an endpoint, so an
// endpoint dropped by its user becomes unreachable and its cleanup can tell
// the peer.
//
// There is no lock: each inbox has one writer and one reader, and waking
// follows one rule. A side about to park sets its waiting flag and then
// looks again at its inbox and at both sides' states; whoever changes one
// of them (a Put, a Close, a departure, an Abort from another goroutine)
// does so first and then clears the flag, unparking the side if the flag
// was set. Go's atomics are sequentially
// consistent, so one of the two always sees the other; a wake that arrives
// after all leaves a token that costs one spurious turn of the loop.
type conn struct {
	side    [2]sideState
	created uintptr // pc of the caller of New, for reports
}

// sideState is one side's part of a conn, laid out so that what the peer
// writes on every message (the inbox's published count and the waiting
// flag) shares no cache line with what only the owner or only the peer
// touches.
type sideState struct {
	in    inbox
	steps atomic.Uint64 // operations done, the linearity check: the owner's alone
	_     [56]byte

	state   atomic.Uint32
	gone    atomic.Pointer[string]       // why this side left early, for the peer's panic
	parker  atomic.Pointer[sched.Parker] // made when the side first parks
	cleanup runtime.Cleanup
	_       [64]byte
}

// send delivers v to the peer of side me.
func send[T any](c *conn, me int, v T, op sched.Op) {
	peer := &c.side[1-me]
	if st := peer.state.Load(); st != open && st != closed {
		c.fail(me, op)
	}
	put(peer.in.slot(), v)
	peer.in.publish()
	peer.wake()
}

// receive waits for the next message to side me and returns it.
func receive[T any](c *conn, me int, op sched.Op) T {
	in := &c.side[me].in
	c.await(me, op)
	v := get[T](in.front())
	in.consumed()
	return v
}

// await waits until a message for side me is ready.
func (c *conn) await(me int, op sched.Op) {
	s, peer := &c.side[me], &c.side[1-me]
	pa := patience()
	for {
		if s.state.Load() != open {
			c.fail(me, op) // this side left: it must not go on
		}
		st := peer.state.Load() // before looking: a peer that left may have sent first
		if s.in.ready() {
			return
		}
		if st != open {
			// A closed peer owes nothing to a dual protocol: it left.
			c.fail(me, op)
		}
		if !pa.Done() {
			pa.Snooze()
			continue
		}
		p := s.ownParker()
		s.in.waiting.Store(true)
		if s.in.ready() || peer.state.Load() != open || s.state.Load() != open {
			s.in.waiting.Store(false)
			continue
		}
		p.Park()
	}
}

// close ends side me and waits until the peer has ended too.
func (c *conn) close(me int) {
	s, peer := &c.side[me], &c.side[1-me]
	if !s.state.CompareAndSwap(open, closed) {
		c.fail(me, opClose) // this side left already
	}
	s.cleanup.Stop()
	peer.wake()
	pa := patience()
	for {
		switch peer.state.Load() {
		case closed:
			return
		case open:
			if !pa.Done() {
				pa.Snooze()
				continue
			}
			p := s.ownParker()
			s.in.waiting.Store(true)
			if peer.state.Load() == open {
				p.Park()
			}
			s.in.waiting.Store(false)
		default:
			c.fail(me, opClose)
		}
	}
}

// leave ends side me early, for Abort or a drop: the peer's pending and
// next operations panic. It reports whether side me was still open.
func (c *conn) leave(me int, how uint32, why string) bool {
	s := &c.side[me]
	if s.state.Load() != open || !s.gone.CompareAndSwap(nil, &why) {
		return false // closed, or another departure won
	}
	if !s.state.CompareAndSwap(open, how) {
		return false // it closed meanwhile
	}
	if how != dropped {
		s.cleanup.Stop()
	}
	s.wake() // its owner may be waiting, when another goroutine aborts it
	c.side[1-me].wake()
	return true
}

// fail panics in side me because it or its peer left.
func (c *conn) fail(me int, op sched.Op) {
	s := &c.side[me]
	if s.state.Load() == aborted {
		panic(&Error{Op: name(op), Err: ErrReused, Detail: "this side left by Abort, or by an endpoint used twice: its endpoints cannot be used any more"})
	}
	if s.state.CompareAndSwap(open, failed) {
		s.cleanup.Stop()
		c.side[1-me].wake()
	}
	why := "the peer left before the protocol ended"
	if p := c.side[1-me].gone.Load(); p != nil {
		why = *p
	}
	panic(&Error{Op: name(op), Err: ErrPeerGone, Detail: why})
}

// wake unparks the side if it is waiting.
func (s *sideState) wake() {
	if s.in.waiting.Load() && s.in.waiting.Swap(false) {
		s.parker.Load().Unpark() // set before waiting was
	}
}

// ownParker returns the side's parker, making it on first use. Only the
// side's owner calls it, before it sets its waiting flag.
func (s *sideState) ownParker() *sched.Parker {
	p := s.parker.Load()
	if p == nil {
		p = sched.NewParker()
		s.parker.Store(p)
	}
	return p
}

// patience is what a side does before it parks: it yields its processor
// (runtime.Gosched) once and looks again. In a conversation the peer is
// often runnable on this very processor, woken by the message this side
// just sent, and yielding lets it answer at less than the cost of a park
// and a wake-up. Busy-waiting measured slower, for the same reason: the
// peer it waits for usually needs this processor. Under a deterministic
// scheduler a side parks at once (backoff's rule): there, only parking
// lets others run.
func patience() backoff.Backoff { return backoff.New(0, 1) }
