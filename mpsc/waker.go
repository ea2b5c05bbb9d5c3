package mpsc

import (
	"sync"
	"sync/atomic"
)

// syncWaker is a waitQueue with its own lock and a flag that lets notify
// return after one atomic load when nobody waits, the common case on the
// hot path of the lock-free flavours.
//
// The flag sits on a cache line of its own and is written only when it
// changes: the other side of the channel reads it on every operation, and
// a write to its line (taking the lock is one) would make that read miss.
type syncWaker[T any] struct {
	waiting atomic.Bool
	_       pad
	mu      sync.Mutex
	q       waitQueue[T]
}

// setWaiting records whether anyone waits. The caller holds the lock.
func (s *syncWaker[T]) setWaiting(w bool) {
	if s.waiting.Load() != w {
		s.waiting.Store(w)
	}
}

// register registers e for the wait that began with e.expect.
func (s *syncWaker[T]) register(e *entry[T]) {
	s.mu.Lock()
	s.q.push(e)
	s.setWaiting(true)
	s.mu.Unlock()
}

func (s *syncWaker[T]) unregister(w *waiter) {
	s.mu.Lock()
	s.q.remove(w)
	s.setWaiting(len(s.q.entries) > 0)
	s.mu.Unlock()
}

// notify wakes one waiter, if any waits. It is small enough to be inlined
// into every send and receive, which mostly find nobody waiting.
func (s *syncWaker[T]) notify() {
	if s.waiting.Load() {
		s.wakeOne()
	}
}

func (s *syncWaker[T]) wakeOne() {
	s.mu.Lock()
	w, unpark := s.q.selectOne()
	s.setWaiting(len(s.q.entries) > 0)
	s.mu.Unlock()
	if unpark {
		w.unpark()
	}
}

// disconnect wakes every waiter with selDisconnected.
func (s *syncWaker[T]) disconnect() {
	s.mu.Lock()
	s.q.disconnectAll()
	s.mu.Unlock()
}
