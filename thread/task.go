package thread

import "sync/atomic"

// Task returns a handle for f without starting it, and run, which calls f on
// the calling goroutine and completes the handle with f's result or panic,
// exactly as a spawned thread would. A panic in f is reported through the
// panic hook and kept for Join; run itself never panics. Call run once; later
// calls do nothing.
//
// Task lets a pool hand out JoinHandles while its own workers run the
// functions. The handle's Thread describes the task, not the worker, and
// Current inside f returns the worker.
func Task[T any](f func() T) (h *JoinHandle[T], run func()) {
	h = newHandle(f, nil)
	var started atomic.Bool
	return h, func() {
		if started.CompareAndSwap(false, true) {
			h.run()
		}
	}
}
