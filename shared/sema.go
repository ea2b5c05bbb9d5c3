package shared

import "sync"

// sema is a counting semaphore whose waiters park durably, in FIFO order.
// A waiter parks at once, as sync.RWMutex's do: RwLock's waits for the
// other side (readers for the writer ahead, the writer for the readers
// that were in) last as long as that side holds the lock, and spinning or
// yielding through them made bench's rwlock/mixed-contended slower.
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
