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
// The handle is kept small (it is allocated once per thread): the function
// travels to the new goroutine beside the handle, not in it, and what only
// some threads need (a panic, watchers other than the first joiner) lives
// behind the extras pointer, made on first use.
type JoinHandle[T any] struct {
	thread  Thread
	value   T
	state   atomic.Uint32 // alive, joining, parked or ended: see join.go
	claimed atomic.Bool   // a Task's: set by the first of run and cancel
	joined  atomic.Bool   // a scoped thread's: its panic is off the scope's hands
	joiner  sched.Parker  // the first joiner parks here
	scope   *ScopeHandle  // the Scope of a scoped thread, else nil
	extras  atomic.Pointer[extras]
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
	return start(newHandle[T](nil), f)
}

// Go runs f in a new thread, as Spawn does for a function with no result.
// A nil f panics at once.
func Go(f func()) *JoinHandle[struct{}] {
	needFunc("Go", f == nil)
	return start(newHandle[struct{}](nil), f)
}

func newHandle[T any](c *config) *JoinHandle[T] {
	h := &JoinHandle[T]{}
	h.init(c)
	return h
}

func (h *JoinHandle[T]) init(c *config) {
	h.thread.id, h.thread.config = newID(), c
}

// start runs fn, a func() T or a func(), in a new goroutine for h. fn goes
// there beside h, held by nothing but the goroutine: what it captures stays
// reachable only from this goroutine, as for a plain go statement, so that
// Go's goroutine leak profile finds the thread when it blocks forever on
// something nobody else can reach (the registry of running threads reaches
// the handle).
func start[T any](h *JoinHandle[T], fn any) *JoinHandle[T] {
	sched.Point(sched.OpSpawn, h)
	sched.Go(func() { enter(h.thread.id, h, fn) })
	return h
}

// enter is the base of every spawned thread's stack. Current finds the thread
// by reading id back from the goroutine's trace, which is why id is used
// after run returns: the runtime prints an argument reliably only when it
// is still live. run never panics.
//
//go:noinline
func enter(id uint64, r runner, fn any) {
	t := r.threadOf()
	running.store(t)
	r.run(fn)
	running.delete(id, t)
}

type runner interface {
	threadOf() *Thread
	run(fn any)
}

func (h *JoinHandle[T]) threadOf() *Thread { return &h.thread }

// run calls fn, a func() T or a func(), on the calling goroutine and
// completes the handle with its result or panic.
func (h *JoinHandle[T]) run(fn any) {
	if h.thread.config != nil && h.thread.config.lockOS && !sched.Installed() {
		// Never unlocked: the OS thread ends with the goroutine, so the
		// thread keeps one OS thread for its whole life. Under a scheduler
		// (the schedule explorer runs threads as coroutines, which must not
		// lock one), which OS thread runs it is not part of a schedule.
		runtime.LockOSThread()
	}
	if name := h.thread.Name(); name != "" {
		labelGoroutine(name)
	}
	switch f := fn.(type) {
	case func():
		panics.Run(f, h.end)
	case func() T:
		panics.Run(func() { h.value = f() }, h.end)
	}
}

// end completes the handle once the function has ended: returned (p nil),
// panicked, or left by runtime.Goexit.
func (h *JoinHandle[T]) end(p *panics.Panic) {
	if p != nil {
		p.Thread = h.thread.displayName()
		e := (*PanicError)(p)
		x := h.extra()
		x.panic = e // before finish publishes the end: Join reads it after
		x.mu.Unlock()
		if p.Goexit() {
			running.delete(h.thread.id, &h.thread) // enter will not get to it
		} else {
			reportPanic(e)
		}
	}
	h.finish()
}
