package pool

import (
	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/thread"
)

// Submit queues f to run on a worker of p and returns its handle: Join
// waits for f and returns its result, or a *thread.PanicError when f
// panicked (the worker goes on), or, when the pool's context ended before f
// ran, an error matching ErrDropped and the context's cause (not a
// PanicError: f never ran, and the panic hook is not called). Submit fails,
// and queues nothing, as p.Go does. A nil f panics, as does a nil or zero
// Pool.
//
// The handle's Thread describes the task; thread.Current inside f returns
// the worker. No goroutine is started per task.
func Submit[T any](p *Pool, f func() T) (*thread.JoinHandle[T], error) {
	needPool("Submit", p)
	if f == nil {
		panic("pool: Submit called with a nil function; pass the function to run")
	}
	sched.Point("pool.Submit", p)
	h, run, cancel := thread.TaskWithCancel(f)
	if err := p.send(job{run: run, cancel: cancel}); err != nil {
		return nil, err
	}
	return h, nil
}
