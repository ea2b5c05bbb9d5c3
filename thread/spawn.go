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
//
// The handle is kept small (it is allocated once per thread): what only some
// threads need lives behind the watchers pointer, made on first use.
type JoinHandle[T any] struct {
	thread   Thread
	f        func() T
	g        func() // instead of f, for Go: saves wrapping f in a closure
	value    T
	panic    *PanicError
	ended    sync.WaitGroup // Join waits on it: durably blocked, as synctest needs
	finished atomic.Bool
	claimed  atomic.Bool     // a Task's: set by the first of run and cancel
	group    *sync.WaitGroup // the Scope's, for a scoped thread
	watchers atomic.Pointer[watchers]
}

// watchers are those who wait for a thread other than through Join, and
// the error of a canceled task: rare, so kept off the handle itself.
type watchers struct {
	mu       sync.Mutex
	done     chan struct{} // for Done
	closed   bool
	parkers  []*sched.Parker // under a deterministic scheduler, Join parks here
	canceled error           // set once, before finish, by a Task's cancel
}

// Spawn runs f in a new thread and returns its handle. A panic in f does not
// end the process: it is reported through the panic hook and returned by Join.
// A nil f panics at once.
//
// Cost: a goroutine, as a go statement, and one allocation for the handle;
// the panic capture is a deferred call in the new goroutine.
func Spawn[T any](f func() T) *JoinHandle[T] {
	needFunc("Spawn", f == nil)
	return start(newHandle(f, nil))
}

// Go runs f in a new thread, as Spawn does for a function with no result.
// A nil f panics at once.
func Go(f func()) *JoinHandle[struct{}] {
	needFunc("Go", f == nil)
	h := &JoinHandle[struct{}]{g: f}
	h.init(nil, nil)
	return start(h)
}

func newHandle[T any](f func() T, c *config) *JoinHandle[T] {
	h := &JoinHandle[T]{}
	h.init(f, c)
	return h
}

func (h *JoinHandle[T]) init(f func() T, c *config) {
	if f != nil {
		h.f = f
	}
	h.ended.Add(1)
	h.thread.id, h.thread.config = newID(), c
}

func start[T any](h *JoinHandle[T]) *JoinHandle[T] {
	sched.Point(sched.OpSpawn, h)
	sched.Go(func() { enter(h.thread.id, h) })
	return h
}

// Join blocks until the thread has ended and returns f's result, or a
// *PanicError when f panicked (or, for a task, the error it was canceled
// with: see TaskWithCancel). It may be called any number of times, from any
// goroutine, and always returns the same. Join on a nil or zero JoinHandle,
// which no spawn made, panics.
func (h *JoinHandle[T]) Join() (T, error) {
	needHandle("JoinHandle.Join", h.id())
	sched.Point(sched.OpJoin, h)
	if sched.Active() != nil {
		h.parkUntilDone()
	} else {
		h.ended.Wait()
	}
	if h.panic != nil {
		return h.value, h.panic
	}
	if w := h.watchers.Load(); w != nil && w.canceled != nil {
		return h.value, w.canceled
	}
	return h.value, nil
}

// IsFinished reports whether the thread has ended, without blocking.
func (h *JoinHandle[T]) IsFinished() bool {
	needHandle("JoinHandle.IsFinished", h.id())
	return h.finished.Load()
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
	w := h.watch()
	defer w.mu.Unlock()
	if w.done == nil {
		w.done = make(chan struct{})
		if h.finished.Load() {
			w.wake()
		}
	}
	return w.done
}

// Thread returns the thread the handle owns.
func (h *JoinHandle[T]) Thread() *Thread {
	needHandle("JoinHandle.Thread", h.id())
	return &h.thread
}

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
	if h.thread.config != nil && h.thread.config.lockOS {
		// Never unlocked: the OS thread ends with the goroutine, so the
		// thread keeps one OS thread for its whole life.
		runtime.LockOSThread()
	}
	// The function leaves the handle before it runs: the registry of
	// running threads reaches the handle, and what f captures must stay
	// reachable only from this goroutine, as for a plain go statement, so
	// that Go's goroutine leak profile finds this thread when it blocks
	// forever on something nobody else can reach.
	f, g := h.f, h.g
	h.f, h.g = nil, nil
	if name := h.thread.Name(); name != "" {
		labelGoroutine(name)
	}
	returned := false
	defer func() {
		if !returned {
			h.panic = h.panicked(recover())
		}
		h.finish()
	}()
	if g != nil {
		g()
	} else {
		h.value = f()
	}
	returned = true
}

// panicked turns a recovered value into the thread's PanicError; a nil
// value means the goroutine is leaving through runtime.Goexit.
func (h *JoinHandle[T]) panicked(r any) *PanicError {
	if r == nil {
		running.delete(h.thread.id, &h.thread) // enter will not get to it
		return &PanicError{Value: ErrGoexit, Thread: h.thread.displayName()}
	}
	e := &PanicError{Value: r, Stack: debug.Stack(), Thread: h.thread.displayName()}
	reportPanic(e)
	return e
}

// finish publishes the result. A watcher is registered before it reads the
// finished flag, and finish sets the flag before it looks for watchers, so
// either finish sees the watcher or the watcher sees the thread finished.
func (h *JoinHandle[T]) finish() {
	h.f, h.g = nil, nil
	h.finished.Store(true)
	h.ended.Done()
	if h.group != nil {
		h.group.Done()
	}
	if w := h.watchers.Load(); w != nil {
		w.mu.Lock()
		w.wake()
		w.mu.Unlock()
	}
}

// watch returns the handle's watchers, made if need be, with w.mu held.
func (h *JoinHandle[T]) watch() *watchers {
	w := h.watchers.Load()
	if w == nil {
		h.watchers.CompareAndSwap(nil, &watchers{})
		w = h.watchers.Load()
	}
	w.mu.Lock()
	return w
}

// wake closes done and unparks the parked; w.mu is held and the thread
// has finished.
func (w *watchers) wake() {
	if w.done != nil && !w.closed {
		close(w.done)
		w.closed = true
	}
	for _, p := range w.parkers {
		p.Unpark()
	}
	w.parkers = nil
}

func (h *JoinHandle[T]) parkUntilDone() {
	w := h.watch()
	if h.finished.Load() {
		w.mu.Unlock()
		return
	}
	p := sched.NewParker()
	w.parkers = append(w.parkers, p)
	w.mu.Unlock()
	p.Park()
}
