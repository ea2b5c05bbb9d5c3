package thread

import (
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/sched"
)

// A JoinHandle is the owner's view of a spawned thread: Join waits for it
// and returns its result. All methods are safe for concurrent use.
type JoinHandle[T any] struct {
	thread   Thread
	f        func() T
	value    T
	err      error
	ended    sync.WaitGroup // Join waits on it: durably blocked, as synctest needs
	finished atomic.Bool
	group    *sync.WaitGroup // the Scope's, for a scoped thread

	// Made only when asked for: most handles never need them.
	watched atomic.Bool
	mu      sync.Mutex
	done    chan struct{}
	closed  bool
	waiters []*sched.Parker // under a deterministic scheduler, Join parks here
}

// Spawn runs f in a new thread and returns its handle. A panic in f does not
// end the process: it is reported through the panic hook and returned by Join.
func Spawn[T any](f func() T) *JoinHandle[T] {
	return start(newHandle(f, config{}))
}

// Go runs f in a new thread, as Spawn does for a function with no result.
func Go(f func()) *JoinHandle[struct{}] {
	return Spawn(func() struct{} { f(); return struct{}{} })
}

// config is what a Builder sets for a thread.
type config struct {
	name      string
	stackSize int
	lockOS    bool
}

func newHandle[T any](f func() T, c config) *JoinHandle[T] {
	h := &JoinHandle[T]{}
	h.init(f, c)
	return h
}

func (h *JoinHandle[T]) init(f func() T, c config) {
	h.f = f
	h.ended.Add(1)
	h.thread.id, h.thread.name, h.thread.stackSize, h.thread.lockOS = newID(), c.name, c.stackSize, c.lockOS
}

func start[T any](h *JoinHandle[T]) *JoinHandle[T] {
	sched.Point("spawn", h)
	sched.Go(func() { enter(h.thread.id, h) })
	return h
}

// Join blocks until the thread has ended and returns f's result, or a
// *PanicError when f panicked. It may be called any number of times, from
// any goroutine, and always returns the same.
func (h *JoinHandle[T]) Join() (T, error) {
	sched.Point("join", h)
	if sched.Active() != nil {
		h.parkUntilDone()
	} else {
		h.ended.Wait()
	}
	return h.value, h.err
}

// IsFinished reports whether the thread has ended, without blocking.
func (h *JoinHandle[T]) IsFinished() bool { return h.finished.Load() }

// Done returns a channel that is closed when the thread has ended, for use
// in a select statement.
func (h *JoinHandle[T]) Done() <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.done == nil {
		h.done = make(chan struct{})
	}
	h.watch()
	return h.done
}

// Thread returns the thread the handle owns.
func (h *JoinHandle[T]) Thread() *Thread { return &h.thread }

// enter is the base of every spawned thread's stack. Current finds the thread
// by reading id back from the goroutine's trace, which is why id is used
// after run returns: the runtime prints an argument reliably only when it
// is still live. run never panics.
//
//go:noinline
func enter(id uint64, r runner) {
	t := r.threadOf()
	running.store(t)
	r.run()
	running.delete(id, t)
}

type runner interface {
	threadOf() *Thread
	run()
}

func (h *JoinHandle[T]) threadOf() *Thread { return &h.thread }

func (h *JoinHandle[T]) run() {
	if h.thread.lockOS {
		// Never unlocked: the OS thread ends with the goroutine, so the
		// thread keeps one OS thread for its whole life.
		runtime.LockOSThread()
	}
	returned := false
	defer func() {
		if !returned {
			h.err = h.panicked(recover())
		}
		h.finish()
	}()
	h.value = h.f()
	returned = true
}

// panicked turns a recovered value into the thread's PanicError; a nil
// value means the goroutine is leaving through runtime.Goexit.
func (h *JoinHandle[T]) panicked(r any) error {
	if r == nil {
		running.delete(h.thread.id, &h.thread) // enter will not get to it
		return &PanicError{Value: ErrGoexit, Thread: h.thread.displayName()}
	}
	e := &PanicError{Value: r, Stack: debug.Stack(), Thread: h.thread.displayName()}
	reportPanic(e)
	return e
}

// finish publishes the result. The watched flag and the finished flag are
// each set before the other is read, so that either finish sees a watcher
// or the watcher sees the thread finished (and wakes itself up).
func (h *JoinHandle[T]) finish() {
	h.f = nil
	h.finished.Store(true)
	h.ended.Done()
	if h.group != nil {
		h.group.Done()
	}
	if h.watched.Load() {
		h.mu.Lock()
		h.wake()
		h.mu.Unlock()
	}
}

// watch registers interest in the end of the thread; h.mu is held.
func (h *JoinHandle[T]) watch() {
	h.watched.Store(true)
	if h.finished.Load() {
		h.wake()
	}
}

// wake closes done and unparks the waiters; h.mu is held.
func (h *JoinHandle[T]) wake() {
	if h.done != nil && !h.closed {
		close(h.done)
		h.closed = true
	}
	for _, p := range h.waiters {
		p.Unpark()
	}
	h.waiters = nil
}

func (h *JoinHandle[T]) parkUntilDone() {
	h.mu.Lock()
	p := sched.NewParker()
	h.waiters = append(h.waiters, p)
	h.watch()
	h.mu.Unlock()
	p.Park()
}
