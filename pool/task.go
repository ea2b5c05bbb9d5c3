package pool

import "github.com/fearlessgo/fearless/thread"

// A task is what Submit queues: f, and the handle that gets its result.
type task[T any] struct {
	f       func() T
	run     func() // from thread.Task: runs call and completes the handle
	dropped error  // set by drop just before it calls run; one worker does both
}

// newTask returns the handle for f and the task that runs it.
func newTask[T any](f func() T) (*thread.JoinHandle[T], *task[T]) {
	t := &task[T]{f: f}
	h, run := thread.Task(t.call)
	t.run = run
	return h, t
}

func (t *task[T]) call() T {
	if t.dropped != nil {
		panic(t.dropped)
	}
	return t.f()
}

// drop completes the handle with err instead of running f.
//
// thread.Task has no way yet to complete a handle with an error, so drop
// runs a stand-in that panics with err: Join then returns a *PanicError
// whose Value is err, as documented, but the panic hook also reports it.
func (t *task[T]) drop(err error) {
	t.dropped = err
	t.run()
}

// report hands the panic of a task from Go to the OnPanic function, or to
// thread's panic hook.
//
// thread has no exported way yet to call its panic hook with a PanicError
// made elsewhere, so the default path re-panics the value inside a
// thread.Task on this goroutine, which reports it through the hook. The
// reported stack still shows the task's frames, since the original panic is
// not yet recovered while this runs; the thread name is "<unnamed>".
func (p *Pool) report(e *thread.PanicError) {
	if p.onPanic != nil {
		defer func() { recover() }() // a panicking handler must not end the worker
		p.onPanic(e)
		return
	}
	_, run := thread.Task(func() struct{} { panic(e.Value) })
	run()
}
