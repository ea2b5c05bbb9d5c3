package shared

import (
	"sync"

	"github.com/fearlessgo/fearless/internal/backoff"
)

// sema is a counting semaphore whose waiters park durably, in FIFO order.
type sema struct {
	mu    sync.Mutex
	count int
	q     waitQueue
}

func (s *sema) acquire() {
	s.mu.Lock()
	if s.count > 0 {
		s.count--
		s.mu.Unlock()
		return
	}
	w := newWaiter()
	s.q.pushBack(w)
	s.mu.Unlock()
	w.p.Park()
}

// acquireWhen waits as internal/backoff says for ready to hold, which
// means a permit comes soon, and then acquires: a wait that is over in a
// moment then costs no park and unpark.
func (s *sema) acquireWhen(ready func() bool) {
	var wait backoff.Backoff
	for !ready() && !wait.Done() {
		wait.Snooze()
	}
	s.acquire()
}

// release adds n permits, waking up to n waiters.
func (s *sema) release(n int) {
	var buf [8]*waiter
	woken := buf[:0]
	s.mu.Lock()
	for ; n > 0; n-- {
		w := s.q.popFront()
		if w == nil {
			break
		}
		woken = append(woken, w)
	}
	s.count += n
	s.mu.Unlock()
	for _, w := range woken {
		w.p.Unpark()
	}
}
