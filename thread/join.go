package thread

import (
	"sync"

	"github.com/fearlessgo/fearless/internal/sched"
)

// A handle's state: whether its thread has ended, and whether a joiner
// waits for that on the handle's own parker. Only the first joiner parks
// there; any other waits as a watcher.
const (
	alive   uint32 = iota // the thread runs, and no joiner parks on the handle
	joining               // the first joiner is making its parker
	parked                // the first joiner parks, or is about to
	ended                 // the thread has ended: the result is there
)

// extras are what only some threads need, kept off the handle itself: the
// panic, those who wait for the thread other than the first joiner
// (Done's channel, more joiners), and the error of a canceled task. panic
// and canceled are set once, before finish, and read once the thread has
// ended.
type extras struct {
	mu       sync.Mutex
	done     chan struct{} // for Done
	closed   bool
	parkers  []*sched.Parker
	panic    *PanicError
	canceled error
}

// Join blocks until the thread has ended and returns f's result, or a
// *PanicError when f panicked (or, for a task, the error it was canceled
// with: see TaskWithCancel). It may be called any number of times, from any
// goroutine, and always returns the same. Join on a nil or zero JoinHandle,
// which no spawn made, panics.
//
// A Join that has to wait parks through the scheduler seam (a channel in a
// normal build, durably blocked as testing/synctest needs); the first one
// to wait on a handle makes a parker of its own.
func (h *JoinHandle[T]) Join() (T, error) {
	needHandle("JoinHandle.Join", h.id())
	sched.Point(sched.OpJoin, h)
	if h.state.Load() != ended {
		h.wait()
	}
	if x := h.extras.Load(); x != nil {
		if x.panic != nil {
			return h.value, x.panic
		}
		if x.canceled != nil {
			return h.value, x.canceled
		}
	}
	return h.value, nil
}

// wait returns once the thread has ended. The first joiner makes the
// handle's parker before it says it parks, and finish reads the parker only
// when it finds it said so.
func (h *JoinHandle[T]) wait() {
	if yieldUntil(func() bool { return h.state.Load() == ended }) {
		return
	}
	switch {
	case h.state.CompareAndSwap(alive, joining):
		h.joiner.Init()
		if h.state.CompareAndSwap(joining, parked) {
			h.joiner.Park() // finish unparks it exactly once
		}
	case h.state.Load() != ended:
		h.watchUntilDone() // another joiner parks on the handle
	}
}

// IsFinished reports whether the thread has ended, without blocking.
func (h *JoinHandle[T]) IsFinished() bool {
	needHandle("JoinHandle.IsFinished", h.id())
	return h.state.Load() == ended
}

// id is the thread's id, 0 for a nil or zero handle.
func (h *JoinHandle[T]) id() uint64 {
	if h == nil {
		return 0
	}
	return h.thread.id
}

// Done returns a channel that is closed when the thread has ended, for use
// in a select statement.
func (h *JoinHandle[T]) Done() <-chan struct{} {
	needHandle("JoinHandle.Done", h.id())
	x := h.extra()
	defer x.mu.Unlock()
	if x.done == nil {
		x.done = make(chan struct{})
		if h.state.Load() == ended {
			x.wake()
		}
	}
	return x.done
}

// Thread returns the thread the handle owns.
func (h *JoinHandle[T]) Thread() *Thread {
	needHandle("JoinHandle.Thread", h.id())
	return &h.thread
}

// finish publishes the result, then wakes whoever waits for it. A watcher
// is registered before it reads the state, and finish sets the state before
// it looks for watchers, so either finish sees the watcher or the watcher
// sees the thread ended. A scoped thread leaves its scope last: once it
// has, the scope may return.
func (h *JoinHandle[T]) finish() {
	if h.state.Swap(ended) == parked {
		h.joiner.Unpark()
	}
	if x := h.extras.Load(); x != nil {
		x.mu.Lock()
		x.wake()
		x.mu.Unlock()
	}
	if h.scope != nil {
		h.scope.leave(h)
	}
}

// extra returns the handle's extras, made if need be, with x.mu held.
func (h *JoinHandle[T]) extra() *extras {
	x := h.extras.Load()
	if x == nil {
		h.extras.CompareAndSwap(nil, &extras{})
		x = h.extras.Load()
	}
	x.mu.Lock()
	return x
}

// wake closes done and unparks the parked; x.mu is held and the thread
// has ended.
func (x *extras) wake() {
	if x.done != nil && !x.closed {
		close(x.done)
		x.closed = true
	}
	for _, p := range x.parkers {
		p.Unpark()
	}
	x.parkers = nil
}

// watchUntilDone parks as a watcher until the thread has ended.
func (h *JoinHandle[T]) watchUntilDone() {
	x := h.extra()
	if h.state.Load() == ended {
		x.mu.Unlock()
		return
	}
	p := sched.NewParker()
	x.parkers = append(x.parkers, p)
	x.mu.Unlock()
	p.Park()
}
