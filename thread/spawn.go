package thread

import (
	"runtime"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/panics"
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
	state    atomic.Uint32 // running, joining, parked or ended: see join.go
	claimed  atomic.Bool   // a Task's: set by the first of run and cancel
	joined   atomic.Bool   // a scoped thread's: its panic is off the scope's hands
	joiner   sched.Parker  // the first joiner parks here
	scope    *ScopeHandle  // the Scope of a scoped thread, else nil
	watchers atomic.Pointer[watchers]
}

// Spawn runs f in a new thread and returns its handle. A panic in f does not
// end the process: it is reported through the panic hook and returned by Join.
// A nil f panics at once.
//
// Cost: a goroutine, as a go statement, and an allocation for the handle and
// one for the function that starts the goroutine; the panic capture is a
// deferred call in the new goroutine.
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
	h.thread.id, h.thread.config = newID(), c
}

func start[T any](h *JoinHandle[T]) *JoinHandle[T] {
	sched.Point(sched.OpSpawn, h)
	sched.Go(func() { enter(h.thread.id, h) })
	return h
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
	if g != nil {
		panics.Run(g, h.end)
	} else {
		panics.Run(func() { h.value = f() }, h.end)
	}
}

// end completes the handle once the function has ended: returned (p nil),
// panicked, or left by runtime.Goexit.
func (h *JoinHandle[T]) end(p *panics.Panic) {
	if p != nil {
		p.Thread = h.thread.displayName()
		h.panic = (*PanicError)(p)
		if p.Goexit() {
			running.delete(h.thread.id, &h.thread) // enter will not get to it
		} else {
			reportPanic(h.panic)
		}
	}
	h.finish()
}
