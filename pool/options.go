package pool

import (
	"context"
	"fmt"

	"github.com/fearlessgo/fearless/thread"
)

// An Option configures a pool made by NewWithOptions.
type Option func(*config)

type config struct {
	bounded  bool
	queue    int
	failFast bool
	ctx      context.Context
	onPanic  func(*thread.PanicError)
}

// QueueSize bounds the queue to n tasks waiting for a worker. Go and Submit
// block while it is full (or fail with ErrFull, with FailWhenFull). With n
// == 0 the queue is a rendezvous: a task is handed straight to an idle
// worker. A negative n panics.
func QueueSize(n int) Option {
	if n < 0 {
		panic(fmt.Sprintf("pool: QueueSize must be >= 0 (0 hands tasks straight to idle workers), got %d", n))
	}
	return func(c *config) { c.bounded, c.queue = true, n }
}

// FailWhenFull makes Go and Submit return an error matching ErrFull instead
// of blocking when a bounded queue is full. An unbounded queue is never
// full, so without QueueSize it changes nothing.
func FailWhenFull() Option {
	return func(c *config) { c.failFast = true }
}

// Context ties the pool to ctx. Once ctx is done, Go and Submit fail with
// an error matching ErrClosed and ctx's cause, a Go or Submit blocked on a
// full queue returns that error, and the tasks still queued are dropped:
// their handles' Join returns an error matching ErrDropped. Tasks already
// running finish; cancel them through ctx yourself if they should stop. The
// workers end by themselves; Close still waits for them. A nil ctx is
// ignored.
func Context(ctx context.Context) Option {
	return func(c *config) { c.ctx = ctx }
}

// OnPanic sets the function called, on the worker, with the panic of a task
// queued by Go (a task queued by Submit hands its panic to its handle
// instead). By default such a panic is reported through thread's panic
// hook, as a panicking thread's is.
func OnPanic(f func(*thread.PanicError)) Option {
	return func(c *config) { c.onPanic = f }
}
