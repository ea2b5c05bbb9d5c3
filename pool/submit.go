package pool

import (
	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/thread"
)

// Submit queues f to run on a worker of p and returns its handle: Join
// waits for f and returns its result, or a *thread.PanicError when f
// panicked (the worker goes on), or one matching ErrDropped when the pool's
// context ended before f ran. Submit fails, and queues nothing, as p.Go
// does. A nil f panics.
//
// The handle's Thread describes the task; thread.Current inside f returns
// the worker. No goroutine is started per task.
func Submit[T any](p *Pool, f func() T) (*thread.JoinHandle[T], error) {
	if f == nil {
		panic("pool: Submit called with a nil function")
	}
	sched.Point("pool.Submit", p)
	h, t := newTask(f)
	if err := p.send(job{run: t.run, drop: t}); err != nil {
		return nil, err
	}
	return h, nil
}
