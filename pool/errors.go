package pool

import "errors"

// The errors of this package, matched with errors.Is.
var (
	// ErrClosed: the pool was closed, or its context ended, before the task
	// was queued. After a context ended the error also matches the
	// context's cause (context.Canceled, say).
	ErrClosed = errors.New("pool: closed")
	// ErrFull: the queue was full and the pool was made with FailWhenFull.
	ErrFull = errors.New("pool: queue full")
	// ErrDropped: the task was queued but never ran, because the pool's
	// context ended first. Join on its handle returns an error that
	// matches it and the context's cause; it is not a *thread.PanicError,
	// and nothing is reported through the panic hook.
	ErrDropped = errors.New("pool: task dropped before it ran")
)
