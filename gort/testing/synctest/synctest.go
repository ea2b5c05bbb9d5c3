// Package synctest is the drop-in testing/synctest of test files rewritten
// by fearless test.
//
// Under the schedule explorer, every run of a test is a bubble already:
// time is modelled by synctest's rule (it advances only when every
// goroutine is blocked), and a run in which every goroutine is blocked for
// good is reported as a deadlock, with a schedule that replays it. Test
// runs f in a new goroutine and returns when that goroutine and every
// goroutine started from it have ended; Wait returns when no other
// goroutine of the run can go on. Unlike synctest's, that Wait waits for
// goroutines outside the bubble too: under fearless test, those are the
// test's own, which it usually waits for anyway. With fearless test
// -timers=early, a timer may fire while others could run, so time may
// pass while a bubble's goroutines run: a test that relies on synctest's
// timing can fail there, and passes with the default idle timers.
//
// Without the explorer (the rewritten test run once, as go test runs it),
// both are testing/synctest's.
package synctest

import (
	stdtesting "testing"
	stdsynctest "testing/synctest"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/gort/testing"
)

// Test runs f in a new goroutine, in a bubble, and returns when every
// goroutine of the bubble has ended. Under the explorer, f is given t
// itself; a bubble whose goroutines all block for good is a deadlock.
func Test(t *testing.T, f func(*testing.T)) {
	r := gort.Runner()
	if r == nil {
		stdsynctest.Test(t.T, func(inner *stdtesting.T) { f(testing.Wrap(inner)) })
		return
	}
	if gort.CurrentBubble(r) != nil {
		panic("synctest.Test called from within a synctest bubble")
	}
	gort.GoIn(r, nil, func() { f(t) }).Wait()
}

// Wait blocks until every other goroutine of the run is blocked or has
// ended. Time does not pass while Wait can return. It must be called from
// a goroutine of a bubble.
func Wait() {
	r := gort.Runner()
	if r == nil {
		stdsynctest.Wait()
		return
	}
	if gort.CurrentBubble(r) == nil {
		panic("goroutine is not in a bubble")
	}
	r.WaitIdle()
}
