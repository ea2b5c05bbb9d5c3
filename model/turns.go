package model

import (
	"runtime"
	"runtime/debug"

	"github.com/fearlessgo/fearless/internal/panics"
)

// Turn-taking: the managed threads of a run are goroutines that run one at
// a time, each waiting for the turn on its wake channel; and their unwinding
// when a run is over.

// turns is the thread set of a run and whose turn it is.
type turns struct {
	threads  []*mthread
	spare    []*mthread    // an earlier run's threads, to reuse (scratch.go)
	cur      *mthread      // the thread that has the turn
	yielder  *mthread      // excluded by its yield until another thread runs
	done     chan struct{} // closed when the run is over
	ended    bool
	aborting bool // the run is over and its threads are being unwound
}

// runThread is the base of every managed thread, run by a worker. It
// returns when the thread has ended, unless the thread leaves by
// runtime.Goexit, which ends the worker's goroutine too: then it closes
// t.exited itself.
func (e *execution) runThread(t *mthread, f func(), main bool) {
	e.waitTurn(t)
	e.lock()
	gone := e.aborting
	e.mu.Unlock()
	if gone {
		return
	}
	panics.Run(f, func(p *panics.Panic) {
		switch {
		case p == nil:
			e.threadEnd(t, nil, nil)
		case p.Goexit():
			defer close(t.exited) // the goroutine is ending: runThread does not return
			if main {
				e.threadEnd(t, goexitValue{}, debug.Stack())
			} else {
				e.threadEnd(t, nil, nil) // runtime.Goexit ends a goroutine as returning does
			}
		default:
			if _, ok := p.Value.(abortSignal); ok {
				e.threadGone(t)
				return
			}
			e.threadEnd(t, p.Value, p.Stack)
		}
	})
}

// goexitValue stands for a thread that left by runtime.Goexit (t.FailNow
// inside the function under test, say) instead of returning.
type goexitValue struct{}

func (goexitValue) String() string {
	return "runtime.Goexit was called (t.Fatal or t.FailNow inside the function under test?): the thread ended without returning"
}

// abortAll unwinds every goroutine of a run that is over, one at a time so
// that their deferred code never runs concurrently, and waits for each.
func (e *execution) abortAll() {
	e.lock()
	e.aborting = true
	order := []*mthread{e.cur}
	for _, t := range e.threads {
		if t != e.cur {
			order = append(order, t)
		}
	}
	e.mu.Unlock()
	for _, t := range order {
		if t.stuck {
			continue // blocked outside the explorer: it cannot be unwound
		}
		select {
		case t.wake <- struct{}{}:
		default:
		}
		e.awaitExit(t)
	}
}

// checkLive unwinds the caller when the run is over. e.mu is held; it is
// released only when the caller is unwound.
func (e *execution) checkLive() {
	if e.aborting || e.ended {
		e.mu.Unlock()
		panic(abortSignal{})
	}
}

// waitTurn blocks until t is handed the turn. Meanwhile, it answers the
// driver's requests for t's stack, which a report shows.
func (e *execution) waitTurn(t *mthread) {
	for range t.wake {
		if !t.dumpReq {
			return
		}
		t.dumpReq = false
		buf := make([]byte, 64<<10)
		t.stack = string(buf[:runtime.Stack(buf, false)])
		t.dumped <- struct{}{}
	}
}

// stacks collects the stack of every thread that has not ended. Only the
// driver calls it, once the run is over and every thread waits for a turn.
func (e *execution) stacks() {
	for _, t := range e.threads {
		if t.status != finished && !t.stuck {
			t.dumpReq, t.dumped = true, make(chan struct{})
			t.wake <- struct{}{}
			<-t.dumped
		}
	}
}

// handoff gives the turn to next (nil: nobody, the run is over) and waits
// for the caller's own turn. e.mu is held and is released.
func (e *execution) handoff(t, next *mthread) {
	if next == t {
		e.mu.Unlock()
		return
	}
	e.mu.Unlock()
	if next != nil {
		next.wake <- struct{}{}
	}
	e.waitTurn(t)
	e.lock()
	gone := e.aborting
	e.mu.Unlock()
	if gone {
		panic(abortSignal{})
	}
}
