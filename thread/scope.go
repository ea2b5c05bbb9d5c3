package thread

import (
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/sched"
)

// A ScopeHandle spawns threads that may use the variables of the function
// that called Scope: Scope returns only after all of them have ended. It is
// safe for concurrent use, from the scope's function and from its threads.
type ScopeHandle struct {
	running sync.WaitGroup
	mu      sync.Mutex
	threads []scoped
	first   [8]scoped // room for the threads of most scopes
	ended   bool
}

type scoped interface {
	wait()
	unjoinedPanic() error
}

// Scope calls f with a ScopeHandle and returns f's result once every thread
// spawned through the handle has ended. If f panics, Scope still waits for
// the threads, then lets f's panic go on. Otherwise, if a thread panicked and
// its handle was not joined, Scope panics with that thread's *PanicError.
// A nil f panics at once.
func Scope[R any](f func(s *ScopeHandle) R) R {
	if f == nil {
		misuse("Scope", "the function is nil", "pass the function that spawns the scope's threads")
	}
	s := &ScopeHandle{}
	s.threads = s.first[:0]
	returned := false
	defer func() {
		if !returned {
			s.wait()
		}
	}()
	r := f(s)
	returned = true
	s.wait()
	for _, t := range s.threads {
		if err := t.unjoinedPanic(); err != nil {
			panic(err)
		}
	}
	return r
}

// wait joins every thread of the scope, those spawned meanwhile included,
// then closes the scope to new threads.
func (s *ScopeHandle) wait() {
	if sched.Active() == nil {
		// Only a thread of the scope can add one once f has returned, and
		// it is itself still counted, so the count cannot reach zero early.
		s.running.Wait()
	}
	for i := 0; ; i++ {
		s.mu.Lock()
		if i == len(s.threads) {
			s.ended = true
			s.mu.Unlock()
			return
		}
		t := s.threads[i]
		s.mu.Unlock()
		t.wait()
	}
}

func (s *ScopeHandle) add(t scoped) {
	if s == nil || s.threads == nil {
		misuse("ScopeHandle", "the handle is nil or a zero value", "spawn scoped threads through the handle that Scope passes to its function")
	}
	s.mu.Lock()
	if s.ended {
		s.mu.Unlock()
		panic("thread: a ScopeHandle was used after its Scope returned; spawn scoped threads only inside the function given to Scope")
	}
	s.threads = append(s.threads, t)
	s.running.Add(1)
	s.mu.Unlock()
}

// Go spawns f in a thread of the scope. A nil f panics at once, as does a
// ScopeHandle that Scope did not make or whose Scope has returned.
func (s *ScopeHandle) Go(f func()) *ScopedJoinHandle[struct{}] {
	needFunc("ScopeHandle.Go", f == nil)
	h := &ScopedJoinHandle[struct{}]{}
	h.h.g = f
	return spawnScoped(s, h, nil, nil)
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
	return spawnScoped(s, &ScopedJoinHandle[T]{}, f, b.config()), nil
}

func spawnScoped[T any](s *ScopeHandle, h *ScopedJoinHandle[T], f func() T, c *config) *ScopedJoinHandle[T] {
	h.h.init(f, c)
	s.add(h)
	h.h.group = &s.running
	start(&h.h)
	return h
}

// A ScopedJoinHandle is the handle of a thread spawned in a Scope. Joining
// it takes its panic, if any, off the scope's hands.
type ScopedJoinHandle[T any] struct {
	h      JoinHandle[T]
	joined atomic.Bool
}

// Join waits for the thread and returns its result or its *PanicError, as
// JoinHandle.Join does. A joined thread's panic does not make Scope panic.
// Join on a nil or zero ScopedJoinHandle panics.
func (h *ScopedJoinHandle[T]) Join() (T, error) {
	if h == nil {
		needHandle("ScopedJoinHandle.Join", 0)
	}
	needHandle("ScopedJoinHandle.Join", h.h.thread.id)
	h.joined.Store(true)
	return h.h.Join()
}

// IsFinished reports whether the thread has ended, without blocking.
func (h *ScopedJoinHandle[T]) IsFinished() bool { return h.h.IsFinished() }

// Done returns a channel closed when the thread has ended.
func (h *ScopedJoinHandle[T]) Done() <-chan struct{} { return h.h.Done() }

// Thread returns the thread the handle owns.
func (h *ScopedJoinHandle[T]) Thread() *Thread { return h.h.Thread() }

func (h *ScopedJoinHandle[T]) wait() { h.h.Join() }

func (h *ScopedJoinHandle[T]) unjoinedPanic() error {
	if h.joined.Load() {
		return nil
	}
	if h.h.panic == nil {
		return nil
	}
	return h.h.panic
}
