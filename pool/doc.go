// Package pool runs tasks on a fixed set of worker threads that share one
// queue, like the seeds' worker pool: an mpsc channel whose one receiver the
// workers share, and thread.Spawn threads that loop on it until it
// disconnects.
//
// Go queues a function; Submit queues one with a result and returns a
// *thread.JoinHandle whose Join gives the result, or the task's panic as a
// *thread.PanicError. A panic in a task never ends its worker or the
// process. Close stops new work, lets every queued task run, and returns when
// all workers have ended; Go and Submit after Close return ErrClosed.
//
// By default the queue is unbounded and Go never blocks. QueueSize bounds it:
// Go and Submit then block while it is full, or fail at once with ErrFull
// when FailWhenFull is given. Context ties the pool to a context: once it is
// done, the pool refuses new work and drops the tasks still queued (Join on
// their handles returns an error matching ErrDropped), while tasks already
// running finish.
//
// A pool pays when tasks are many and short: on the 2-core machine where it
// was measured (BenchmarkTinyTasks), a task of a few nanoseconds cost 55 to
// 85ns through Go, 200 to 225ns through Submit and Join, and 230 to 610ns
// as a goroutine of its own, over several runs. Tasks of 100µs ran at the
// same rate either way (BenchmarkTasks100us: 51µs a task on two cores), so
// there a pool only bounds how many run at once.
//
// Every method is safe for concurrent use, including from inside tasks.
package pool
