package mpsc

import (
	"time"

	"github.com/fearlessgo/fearless/internal/backoff"
)

// handed is the state of a waiter whose wait that began with expect was
// selected as selHanded: it waits on for the outcome, which no timeout can
// take away.
func handed(expect uint64) uint64 { return (expect>>32+1)<<32 | uint64(selHanded)<<1 }

// handOutcome ends a wait selected as selHanded (with mustUnpark from that
// selection) with sel: selSent, or selOperation when the value could not go.
func (w *waiter) handOutcome(expect uint64, sel uint32, mustUnpark bool) {
	if _, unpark := w.trySelect(handed(expect), sel); unpark || mustUnpark {
		w.unpark()
	}
}

// waitHanded waits for the outcome of a wait that began with expect and
// was selected as selHanded: selSent, or selOperation. The receiver that
// selected it is a few steps away from it, so it looks a few times first.
func (w *waiter) waitHanded(expect uint64) uint32 {
	expect = handed(expect)
	for b := backoff.New(handWaitSpins, 0); !b.Done(); b.Snooze() {
		if sel := w.selection(expect); sel != selWaiting {
			return sel
		}
	}
	return w.wait(expect, 0, noContext, time.Time{})
}

// handOff wakes a blocked sender after a receive made room and, as Go's
// channels do, sends its value for it: the sender then returns without
// running trySend again, and the next receive finds the value already there
// instead of waiting for the sender to be scheduled. Once selected as
// selHanded the sender cannot time out; it waits for selSent, or for
// selOperation when another sender took the room first (it then tries
// again itself, as after a plain wake-up). Under an installed scheduler the
// plain wake-up is kept, so that a receive touches no receiver's wait.
func (c *arrayChan[T]) handOff() {
	if !backoff.Useful() {
		c.senders.wakeOne()
		return
	}
	s := &c.senders
	s.mu.Lock()
	var e *entry[T]
	var unpark bool
	for i, x := range s.q.entries {
		var selected bool
		if selected, unpark = x.w.trySelect(x.expect, selHanded); selected {
			s.q.removeAt(i)
			e = x
			break
		}
	}
	s.setWaiting(len(s.q.entries) > 0)
	s.mu.Unlock()
	if e == nil {
		return
	}
	// The sender waits for the outcome and leaves the entry alone until then.
	expect, v := e.expect, e.val
	sel := selOperation
	if c.push(v) == ok { // into the room this receive made: see push
		sel = selSent
	}
	e.w.handOutcome(expect, sel, unpark)
}
