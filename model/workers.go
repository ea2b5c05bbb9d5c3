package model

import (
	"iter"
	"sync"

	"github.com/fearlessgo/fearless/internal/goid"
)

// Workers: the goroutines that run managed threads, as coroutines
// (iter.Pull). Only one thread of a run may run at a time, so the turn
// moves by switching coroutines, which stays on one operating-system
// thread and never goes through the Go scheduler's run queues: a switch
// costs a fraction of a hand-over between goroutines that wake each other.
//
// A run starts a few threads and is over in microseconds, so an explorer
// keeps the coroutines whose threads ended and hands them the threads of
// the next runs, instead of making a coroutine (a goroutine, with a stack
// to grow and an id to read from a stack dump) for each.

// A worker is one such coroutine.
type worker struct {
	resume func() (turnBack, bool) // switches to the worker until it hands the turn back
	stop   func()
	yield  func(turnBack) bool // the worker's side: hands the turn back
	job    job                 // the thread it runs next
	goid   uint64              // the runtime's id of the goroutine
}

// A turnBack is what a worker says when it hands the turn back to the
// driver (driver.go).
type turnBack struct {
	next  *mthread // the thread to run next; nil: none
	ended bool     // the worker's thread has ended: the worker is free
}

// A job is one thread of one run, for a worker to run.
type job struct {
	e    *execution
	t    *mthread
	f    func()
	main bool
}

// workers is an explorer's pool of idle workers.
type workers struct {
	mu     sync.Mutex
	idle   []*worker
	closed bool
}

// start gives j to an idle worker, or to a new one, and returns it. The
// thread runs when the driver first resumes the worker.
func (ws *workers) start(j job) *worker {
	ws.mu.Lock()
	var w *worker
	if n := len(ws.idle); n > 0 {
		w, ws.idle = ws.idle[n-1], ws.idle[:n-1]
	}
	ws.mu.Unlock()
	if w == nil {
		w = newWorker()
	}
	w.job = j
	return w
}

func newWorker() *worker {
	w := &worker{}
	w.resume, w.stop = iter.Pull(func(yield func(turnBack) bool) {
		w.yield = yield
		w.goid = goid.Current()
		for {
			j := w.job
			j.t.goid = w.goid
			next := j.e.runThread(j.t, j.f, j.main)
			if !yield(turnBack{next: next, ended: true}) {
				return
			}
		}
	})
	return w
}

// put makes w idle again: its thread has ended and it has handed the turn
// back.
func (ws *workers) put(w *worker) {
	ws.mu.Lock()
	closed := ws.closed
	if !closed {
		ws.idle = append(ws.idle, w)
	}
	ws.mu.Unlock()
	if closed {
		w.stop()
	}
}

// close ends the idle workers, and the busy ones when their threads end.
// A worker blocked outside the explorer ends when (if ever) it gets out.
func (ws *workers) close() {
	ws.mu.Lock()
	idle := ws.idle
	ws.closed, ws.idle = true, nil
	ws.mu.Unlock()
	for _, w := range idle {
		w.stop()
	}
}
