package pool

import (
	"github.com/fearlessgo/fearless/internal/panics"
	"github.com/fearlessgo/fearless/thread"
)

// A job is one queued task. A task from Go has no cancel and may panic; one
// from Submit comes from thread.TaskWithCancel: its run never panics, and
// cancel completes its handle with an error instead of running it.
type job struct {
	run    func()
	cancel func(err error)
}

// report hands the panic of a task from Go to the OnPanic function, or to
// thread's panic hook.
func (p *Pool) report(e *thread.PanicError) {
	if p.onPanic == nil {
		thread.ReportPanic(e)
		return
	}
	// A panicking handler must not end the worker: its panic is dropped.
	panics.Run(func() { p.onPanic(e) }, func(*panics.Panic) {})
}
