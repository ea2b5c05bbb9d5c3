package model

import (
	"sync"

	"github.com/fearlessgo/fearless/internal/goid"
)

// Workers: the goroutines that run managed threads. A run starts a few
// threads and is over in microseconds; a new goroutine for each would spend
// much of the search on fresh stacks that grow and on reading each one's id
// from a stack dump. So an explorer keeps the goroutines whose threads
// ended and hands them the threads of the next runs.

// A worker is one such goroutine.
type worker struct {
	jobs chan job
	goid uint64 // the runtime's id of the goroutine
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

// start runs j on an idle worker, or on a new one.
func (ws *workers) start(j job) {
	ws.mu.Lock()
	var w *worker
	if n := len(ws.idle); n > 0 {
		w, ws.idle = ws.idle[n-1], ws.idle[:n-1]
	}
	ws.mu.Unlock()
	if w == nil {
		w = &worker{jobs: make(chan job, 1)}
		go ws.serve(w)
	}
	w.jobs <- j
}

// serve runs jobs until the pool closes, or until a thread leaves by
// runtime.Goexit, which ends the goroutine.
func (ws *workers) serve(w *worker) {
	w.goid = goid.Current()
	for j := range w.jobs {
		j.t.goid = w.goid
		j.e.runThread(j.t, j.f, j.main)
		// Idle before the thread counts as gone, so that the next run
		// finds this worker.
		ws.put(w)
		close(j.t.exited)
	}
}

// put makes w idle again: its thread has ended.
func (ws *workers) put(w *worker) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.closed {
		close(w.jobs)
		return
	}
	ws.idle = append(ws.idle, w)
}

// close ends the idle workers, and the busy ones when their threads end.
// A worker blocked outside the explorer ends when (if ever) it gets out.
func (ws *workers) close() {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ws.closed = true
	for _, w := range ws.idle {
		close(w.jobs)
	}
	ws.idle = nil
}
