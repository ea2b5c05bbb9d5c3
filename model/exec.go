package model

import (
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/sched"
)

// An execution is one run of the function under test along one schedule.
//
// Its managed threads are coroutines that run one at a time: the running one
// (cur) calls into the execution at every Point, Park, Unpark, spawn and
// atomic operation, and hands the turn over through the driver. The
// mutex is held only inside those calls, never across a hand-over; it
// protects against the odd foreign caller (a garbage collector cleanup that
// closes a channel, say), since managed threads never overlap.
type execution struct {
	x  *explorer
	id uint64 // identifies the run (sched.Runner.Run)

	mu      sync.Mutex
	seats   []seated         // the parkers the run met (ops.go)
	handles map[any]*mthread // JoinHandle -> the thread it completes
	calls   int64            // calls into the execution, under mu: the stall watch reads them

	turns    // the threads and whose turn it is (turns.go)
	choices  // the schedule being followed or taken (decide.go)
	por      // partial-order reduction and happens-before (dpor.go)
	sleeping // sleep sets (sleep.go)
	memory   // weak memory (memory.go)
	clock    // modelled time (timers.go)
	idle     // threads waiting for the others to block (idle.go)
	outcome  // the failure, and how reports name things (report.go)
}

// runIDs numbers the runs of the process.
var runIDs atomic.Uint64

// start makes f thread 0 of the run, with the turn: the driver runs it
// first.
func (e *execution) start(f func()) {
	e.lock() // a garbage collector cleanup may call Unpark already
	main := e.newThread()
	main.op = sched.OpStart
	e.begin(main, -1)
	main.w = e.x.workers.start(job{e, main, f, true})
	e.mu.Unlock()
}

func (e *execution) fail(f *Failure) {
	if e.ended {
		return
	}
	e.failure = f
	e.end()
}

func (e *execution) end() {
	e.ended = true
}

// finishRun ends a run in which no thread can go on.
func (e *execution) finishRun() {
	switch {
	case e.usersDone():
		e.end()
	case e.threads[0].status == finished:
		e.failLater(e.leakFailure)
	default:
		e.failLater(e.deadlockFailure)
	}
}

// usersDone reports whether every thread has ended but those that serve
// others (timers), which are never waited for.
func (e *execution) usersDone() bool {
	for _, t := range e.threads {
		if t.status != finished && t.daemon == "" {
			return false
		}
	}
	return true
}
