package model

import (
	"runtime"
	"runtime/debug"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/panics"
)

// Turn-taking: the managed threads of a run are coroutines that run one at
// a time, each handing the turn back to the driver (driver.go) with the
// thread that runs next; and their unwinding when a run is over.

// turns is the thread set of a run and whose turn it is.
type turns struct {
	threads     []*mthread
	spare       []*mthread   // an earlier run's threads, to reuse (scratch.go)
	cur         *mthread     // the thread that has the turn
	yielder     *mthread     // excluded by its yield until another thread runs
	gen         atomic.Int64 // the driver's generation: a stall starts a new one
	reporting   atomic.Bool  // the run is over and its report not made yet: no thread runs
	afterGoexit *mthread     // the thread a thread ending by runtime.Goexit handed the turn to
	unwound     bool         // the driver is done with the run: a stall comes too late
	ended       bool
	aborting    bool // the run is over and its threads are being unwound
}

// runThread is the base of every managed thread, run by a worker. It
// returns the thread to run next when the thread has ended, unless the
// thread leaves by runtime.Goexit, which ends the worker's goroutine too:
// then the thread to run next is left in e.afterGoexit.
func (e *execution) runThread(t *mthread, f func(), main bool) (next *mthread) {
	e.waitTurn(t)
	e.lock()
	gone := e.aborting
	e.mu.Unlock()
	if gone {
		return nil
	}
	panics.Run(f, func(p *panics.Panic) {
		switch {
		case p == nil:
			next = e.threadEnd(t, nil, nil)
		case p.Goexit():
			var n *mthread
			if main {
				n = e.threadEnd(t, goexitValue{}, debug.Stack())
			} else {
				n = e.threadEnd(t, nil, nil) // runtime.Goexit ends a goroutine as returning does
			}
			e.mu.Lock()
			e.afterGoexit = n
			e.mu.Unlock()
		default:
			if _, ok := p.Value.(abortSignal); ok {
				e.threadGone(t)
				return
			}
			next = e.threadEnd(t, p.Value, p.Stack)
		}
	})
	return next
}

// goexitValue stands for a thread that left by runtime.Goexit (t.FailNow
// inside the function under test, say) instead of returning.
type goexitValue struct{}

func (goexitValue) String() string {
	return "runtime.Goexit was called (t.Fatal or t.FailNow inside the function under test?): the thread ended without returning"
}

// abortAll unwinds every thread of a run that is over, one at a time so
// that their deferred code never runs concurrently. The driver of
// generation gen calls it; a thread it cannot unwind (blocked outside the
// explorer) stalls it, and the next driver goes on without that thread.
func (e *execution) abortAll(gen int64) {
	e.lock()
	e.aborting = true
	order := append(e.order[:0], e.cur)
	for _, t := range e.threads {
		if t != e.cur {
			order = append(order, t)
		}
	}
	e.order = order
	e.mu.Unlock()
	for _, t := range order {
		e.lock()
		skip := t.status == finished || t.stuck
		if !skip {
			e.cur = t // the thread a stall would be blamed on
		}
		e.mu.Unlock()
		if skip {
			continue
		}
		if e.resume(gen, t); e.gen.Load() != gen {
			return
		}
	}
}

// checkLive unwinds the caller when the run is over. e.mu is held; it is
// released only when the caller is unwound. A thread that recovered the
// panic that unwinds it and went on (a loop that recovers what its tasks
// throw) is ended by runtime.Goexit instead, which nothing stops.
func (e *execution) checkLive() {
	if e.aborting || e.ended {
		t := e.cur
		again := t != nil && t.unwound
		if t != nil {
			t.unwound = true
		}
		e.mu.Unlock()
		if again {
			runtime.Goexit()
		}
		panic(abortSignal{})
	}
}

// waitTurn is where t is when it has the turn again: meanwhile, it answers
// the driver's requests for t's stack, which a report shows.
func (e *execution) waitTurn(t *mthread) {
	for t.dumpReq {
		t.dumpReq = false
		buf := make([]byte, 64<<10)
		t.stack = string(buf[:runtime.Stack(buf, false)])
		t.w.yield(turnBack{})
	}
}

// stacks collects the stack of every thread that has not ended. Only the
// driver calls it, once the run is over and every thread waits for a turn.
func (e *execution) stacks() {
	for _, t := range e.threads {
		if t.status != finished && !t.stuck {
			t.dumpReq = true
			t.w.resume()
		}
	}
}

// handoff gives the turn to next (nil: nobody, the run is over) and waits
// for the caller's own turn. e.mu is held and is released.
func (e *execution) handoff(t, next *mthread) {
	e.mu.Unlock()
	if next == t {
		return
	}
	live := t.w.yield(turnBack{next: next})
	e.waitTurn(t)
	// No lock: aborting is set by the driver, before the switch back here.
	if e.aborting || !live {
		panic(abortSignal{})
	}
}
