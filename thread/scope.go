package thread

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/sched"
)

// A ScopeHandle spawns threads that may use the variables of the function
// that called Scope: Scope returns only after all of them have ended. It is
// safe for concurrent use, from the scope's function and from its threads.
type ScopeHandle struct {
	// pending counts the scope's threads that have not ended, plus one
	// for the scope's function until it has returned; closedBit is set
	// once every one of them has ended, and no thread may join the scope.
	pending atomic.Int64
	waiter  sched.Parker // Scope waits here for the last thread to end
	made    bool         // by Scope, not declared by hand

	mu       sync.Mutex
	panicked []scopedPanic // the threads that ended in a panic
}

const closedBit = 1 << 62

// A scopedPanic is a scoped thread that ended in a panic.
type scopedPanic interface {
	id() uint64
	unjoinedPanic() error
}

// Scope calls f with a ScopeHandle and returns f's result once every thread
// spawned through the handle has ended. If f panics, Scope still waits for
// the threads, then lets f's panic go on. Otherwise, if a thread panicked and
// its handle was not joined, Scope panics with that thread's *PanicError
// (the first spawned, if several did). A nil f panics at once.
//
// Scope waits by parking through the scheduler seam, as Join does.
func Scope[R any](f func(s *ScopeHandle) R) R {
	if f == nil {
		misuse("Scope", "the function is nil", "pass the function that spawns the scope's threads")
	}
	s := &ScopeHandle{made: true}
	s.pending.Store(1)
	returned := false
	defer func() {
		if !returned {
			s.wait()
		}
	}()
	r := f(s)
	returned = true
	s.wait()
	if err := s.unjoinedPanic(); err != nil {
		panic(err)
	}
	return r
}

// wait returns once every thread of the scope has ended, those spawned
// meanwhile included, and closes the scope to new threads. It is called
// once, after f. Only a thread of the scope can add one once f has
// returned, and it is itself still counted, so the count cannot reach zero
// early; the thread that brings it to zero unparks the waiter, whose parker
// is made before f's count is dropped.
func (s *ScopeHandle) wait() {
	sched.Point("thread.Scope", s)
	if yieldUntil(func() bool { return s.pending.CompareAndSwap(1, closedBit) }) {
		return // every thread has ended
	}
	s.waiter.Init()
	if s.pending.Add(-1) != 0 {
		s.waiter.Park()
	}
	// A thread added after the count reached zero comes from a goroutine
	// outside the scope: wait for it too, then close.
	for !s.pending.CompareAndSwap(0, closedBit) {
		s.waiter.Park()
	}
}

// join counts a new thread of the scope, before it starts.
func (s *ScopeHandle) join() {
	if s == nil || !s.made {
		misuse("ScopeHandle", "the handle is nil or a zero value", "spawn scoped threads through the handle that Scope passes to its function")
	}
	if s.pending.Add(1)&closedBit != 0 {
		s.pending.Add(-1)
		panic("thread: a ScopeHandle was used after its Scope returned; spawn scoped threads only inside the function given to Scope")
	}
}

// leave is the last step of a scoped thread: it records the thread's panic,
// if any, and uncounts the thread.
func (s *ScopeHandle) leave(t scopedPanic) {
	if t.unjoinedPanic() != nil {
		s.mu.Lock()
		s.panicked = append(s.panicked, t)
		s.mu.Unlock()
	}
	if s.pending.Add(-1) == 0 {
		s.waiter.Unpark()
	}
}

// unjoinedPanic is the panic of the first spawned thread that panicked and
// was not joined, or nil. Every thread of the scope has ended.
func (s *ScopeHandle) unjoinedPanic() error {
	slices.SortFunc(s.panicked, func(a, b scopedPanic) int { return cmp.Compare(a.id(), b.id()) })
	for _, t := range s.panicked {
		if err := t.unjoinedPanic(); err != nil {
			return err
		}
	}
	return nil
}

// Go spawns f in a thread of the scope. A nil f panics at once, as does a
// ScopeHandle that Scope did not make or whose Scope has returned.
func (s *ScopeHandle) Go(f func()) *ScopedJoinHandle[struct{}] {
	needFunc("ScopeHandle.Go", f == nil)
	return spawnScoped[struct{}](s, f, nil)
}

// ScopedSpawn spawns f in a thread of the scope s and returns its handle.
// It panics if s's Scope has already returned, and at once for a nil f or
// a ScopeHandle that Scope did not make.
func ScopedSpawn[T any](s *ScopeHandle, f func() T) *ScopedJoinHandle[T] {
	needFunc("ScopedSpawn", f == nil)
	h, _ := ScopedSpawnWith(s, Builder{}, f)
	return h
}

// ScopedSpawnWith is ScopedSpawn for a thread configured by b. Like
// SpawnWith, it returns an error matching ErrInvalidBuilder for an invalid b.
func ScopedSpawnWith[T any](s *ScopeHandle, b Builder, f func() T) (*ScopedJoinHandle[T], error) {
	needFunc("ScopedSpawnWith", f == nil)
	if err := b.validate(); err != nil {
		return nil, err
	}
	return spawnScoped[T](s, f, b.config()), nil
}

// spawnScoped starts fn, a func() T or a func(), in a thread of s.
func spawnScoped[T any](s *ScopeHandle, fn any, c *config) *ScopedJoinHandle[T] {
	s.join()
	h := &ScopedJoinHandle[T]{}
	h.h.init(c)
	h.h.scope = s
	start(&h.h, fn)
	return h
}

// A ScopedJoinHandle is the handle of a thread spawned in a Scope. Joining
// it takes its panic, if any, off the scope's hands.
type ScopedJoinHandle[T any] struct {
	h JoinHandle[T]
}

// Join waits for the thread and returns its result or its *PanicError, as
// JoinHandle.Join does. A joined thread's panic does not make Scope panic.
// Join on a nil or zero ScopedJoinHandle panics.
func (h *ScopedJoinHandle[T]) Join() (T, error) {
	if h == nil {
		needHandle("ScopedJoinHandle.Join", 0)
	}
	needHandle("ScopedJoinHandle.Join", h.h.thread.id)
	h.h.joined.Store(true)
	return h.h.Join()
}

// IsFinished reports whether the thread has ended, without blocking.
func (h *ScopedJoinHandle[T]) IsFinished() bool { return h.h.IsFinished() }

// Done returns a channel closed when the thread has ended.
func (h *ScopedJoinHandle[T]) Done() <-chan struct{} { return h.h.Done() }

// Thread returns the thread the handle owns.
func (h *ScopedJoinHandle[T]) Thread() *Thread { return h.h.Thread() }

// unjoinedPanic is the thread's panic unless its handle was joined.
func (h *JoinHandle[T]) unjoinedPanic() error {
	if h.joined.Load() {
		return nil
	}
	if x := h.extras.Load(); x != nil && x.panic != nil {
		return x.panic
	}
	return nil
}
