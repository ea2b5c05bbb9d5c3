// Package pool runs tasks on a fixed set of worker threads that share one
// queue, like the seeds' worker pool: an mpsc channel whose one receiver the
// workers share, and thread.Spawn threads that loop on it until it
// disconnects.
//
// [Pool.Go] queues a function; [Submit] queues one with a result and returns a
// [thread.JoinHandle] whose Join gives the result, or the task's panic as a
// [thread.PanicError]. A panic in a task never ends its worker or the
// process. [Pool.Close] stops new work, lets every queued task run, and returns when
// all workers have ended; Go and Submit after Close return [ErrClosed].
//
// By default the queue is unbounded and Go never blocks. [QueueSize] bounds it:
// Go and Submit then block while it is full, or fail at once with [ErrFull]
// when [FailWhenFull] is given. [Context] ties the pool to a context: once it is
// done, the pool refuses new work and drops the tasks still queued (Join on
// their handles returns an error matching [ErrDropped]), while tasks already
// running finish.
//
// A pool pays when tasks are many and short. A task queued with Go costs a
// send and a receive on the queue, no allocation beyond the job, which is
// less than starting a goroutine for it; Submit adds the JoinHandle and its
// Join. Tasks long enough that starting a goroutine is lost in their run
// time (about 100µs and up) run at the same rate in a pool and as plain
// goroutines, and there a pool only bounds how many run at once. The
// figures measured on the project's machine (BenchmarkTinyTasks,
// BenchmarkTasks100us) are in the README and in bench/results.
//
// Every method is safe for concurrent use, including from inside tasks.
package pool
