package thread

import (
	"errors"

	"github.com/fearlessgo/fearless/internal/sched"
)

// ErrCanceled is what Join returns for a task whose cancel was called with a
// nil error before the task ran.
var ErrCanceled = errors.New("thread: task canceled before it ran")

// Task returns a handle for f without starting it, and run, which calls f on
// the calling goroutine and completes the handle with f's result or panic,
// exactly as a spawned thread would. A panic in f is reported through the
// panic hook and kept for Join; run itself never panics. Call run once; later
// calls do nothing.
//
// Task lets a pool hand out JoinHandles while its own workers run the
// functions. The handle's Thread describes the task, not the worker, and
// Current inside f returns the worker.
//
// A nil f panics at once.
func Task[T any](f func() T) (h *JoinHandle[T], run func()) {
	needFunc("Task", f == nil)
	h = newHandle[T](nil)
	return h, func() { h.runTask(f) }
}

// TaskWithCancel is Task with a way to complete the handle without running
// f, for a queue that may drop work it has accepted (a pool whose context
// ended, say).
//
// Only the first call of run or cancel counts; every later call of either
// does nothing, so a task runs at most once and is never both run and
// canceled. Both are safe for concurrent use. After cancel(err), f never
// runs: Join returns T's zero value and err itself, not wrapped (ErrCanceled
// when err is nil), so errors.Is matches whatever err matches; IsFinished
// is true and Done is closed. A canceled task did not panic: the panic hook
// is not called. A nil f panics at once.
func TaskWithCancel[T any](f func() T) (h *JoinHandle[T], run func(), cancel func(err error)) {
	needFunc("TaskWithCancel", f == nil)
	h = newHandle[T](nil)
	return h, func() { h.runTask(f) }, h.cancelTask
}

func (h *JoinHandle[T]) runTask(f func() T) {
	sched.Point("task.run", h)
	if h.claimed.CompareAndSwap(false, true) {
		h.run(f)
	}
}

func (h *JoinHandle[T]) cancelTask(err error) {
	sched.Point("task.cancel", h)
	if !h.claimed.CompareAndSwap(false, true) {
		return
	}
	if err == nil {
		err = ErrCanceled
	}
	// Written before finish publishes the end: Join reads it after.
	x := h.extra()
	x.canceled = err
	x.mu.Unlock()
	h.finish()
}
