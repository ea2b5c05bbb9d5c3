package model

import (
	"context"
	"slices"
	"time"
)

// Modelled time: timeouts, their firing, and the rule of idle timers.

// clock is the modelled time of a run.
type clock struct {
	now       time.Duration // modelled time since the run began
	base      time.Time
	lateFires int  // timeouts fired after the function under test returned
	contexts  bool // a thread of the run has parked with a context
	sinceFire int  // decisions since a timeout last fired
	firesOver int  // timeouts fired in a row while a thread that is not a timer's could run

	idleFires   int // timeouts fired in a row while every thread but the timers' was blocked
	idleStretch int // numbers those stretches (see countIdleFire)
}

// maxFiresOver is how many timeouts may fire, under early timers, while a
// thread that is not a timer's could run and is not chosen: past it, that
// thread runs first, as a fair scheduler would let it, instead of a ticker
// firing forever while the goroutine it races with waits.
const maxFiresOver = 3

// fairTimeouts applies maxFiresOver to the timed threads tim, given the
// runnable ones run.
func (e *execution) fairTimeouts(run, tim []int) []int {
	if e.firesOver < maxFiresOver {
		return tim
	}
	for _, id := range run {
		if e.threads[id].daemon == "" {
			return tim[:0]
		}
	}
	return tim
}

// countFire counts, for maxFiresOver, the choice of next at a decision
// where run could run.
func (e *execution) countFire(next *mthread, run []int) {
	switch {
	case next.status != timed:
		if next.daemon == "" {
			e.firesOver = 0
		}
	case slices.ContainsFunc(run, func(id int) bool { return e.threads[id].daemon == "" }):
		e.firesOver++
	}
}

// lateFireLimit is how many timeouts may fire after the function under test
// returned while goroutines it started are still alive, or while every
// goroutine but the timers' waits for good: past it, those are reported as
// leaked or deadlocked (a goroutine woken only by a ticker never ends, and
// a ticker firing into a channel nobody reads wakes nobody).
const lateFireLimit = 100

// countIdleFire counts the timeout of t, about to fire, for
// lateFireLimit, and returns the failure once past it. While every thread
// but the timers' is blocked, the failure waits until every pending timer
// has fired in that stretch: a timer still to fire for the first time may
// wake somebody.
func (e *execution) countIdleFire(t *mthread) func() *Failure {
	if e.threads[0].status == finished {
		if e.lateFires++; e.lateFires > lateFireLimit {
			return e.leakFailure
		}
		return nil
	}
	if slices.ContainsFunc(e.threads, func(t *mthread) bool {
		// A timer that fired and still runs may wake somebody too.
		return t.status == runnable || (t.daemon == "" && t.status == timed)
	}) {
		e.idleFires = 0
		e.idleStretch++
		return nil
	}
	mark := e.idleStretch + 1 // a new thread's zero is no mark
	e.idleFires++
	if e.idleFires > lateFireLimit && !slices.ContainsFunc(e.threads, func(t *mthread) bool {
		return t.status == timed && t.idleFired != mark
	}) {
		return e.deadlockFailure // t too fired before in the stretch
	}
	t.idleFired = mark
	return nil
}

// spinAllowance is how many decisions may pass while goroutines keep
// running without a timeout firing, before one fires anyway: the earliest
// under idle timers, any that may under early timers.
const spinAllowance = 1000

// nowTime is the modelled wall clock.
func (e *execution) nowTime() time.Time {
	e.lock()
	defer e.mu.Unlock()
	return e.base.Add(e.now)
}

// fire wakes a timed waiter by its timeout; the modelled clock moves on to
// its deadline if it has not passed it already.
func (e *execution) fire(t *mthread) {
	if ps := e.waitedBy(t.parker, t); ps != nil {
		ps.waiter = nil
	}
	t.status, t.result, t.ctx = runnable, context.DeadlineExceeded, nil
	e.sinceFire = 0
	if t.deadline > e.now {
		e.now = t.deadline
	}
}

// wakeCancelled wakes the threads whose context was cancelled. A context
// deadline is not looked at: it is modelled as a timeout.
func (e *execution) wakeCancelled() {
	if !e.contexts {
		return
	}
	for _, t := range e.threads {
		if (t.status == blocked || t.status == timed) && t.ctx != nil {
			if err := t.ctx.Err(); err != nil && err != context.DeadlineExceeded {
				if ps := e.waitedBy(t.parker, t); ps != nil {
					ps.waiter = nil
				}
				t.status, t.result, t.ctx = runnable, err, nil
			}
		}
	}
}

// idleTimeouts applies the rule of testing/synctest to the timed threads
// tim: time moves on only when no thread can run otherwise (others is
// false), and then to the earliest deadline, whose timeouts are all
// candidates, as a choice. A timeout whose deadline the clock has reached
// already is due: it may fire at any decision, while others run, as the
// timers of one instant all fire together under synctest and the woken
// goroutines run in any order.
func (e *execution) idleTimeouts(others bool, tim []int) []int {
	if len(tim) == 0 {
		return tim
	}
	first := e.threads[tim[0]].deadline
	for _, id := range tim {
		first = min(first, e.threads[id].deadline)
	}
	if others || first <= e.now {
		first = e.now // only the due ones
	}
	out := tim[:0] // filtered in place
	for _, id := range tim {
		if e.threads[id].deadline <= first {
			out = append(out, id)
		}
	}
	return out
}
