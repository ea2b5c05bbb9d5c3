package shared

import "github.com/fearlessgo/fearless/internal/sched"

// A waiter is one goroutine parked on a lock, a condition variable, a
// barrier or a semaphore. Its Parker is made by the goroutine that waits, so
// under testing/synctest it belongs to that goroutine's bubble and the wait
// is durable.
type waiter struct {
	p          *sched.Parker
	prev, next *waiter
	queued     bool // in a queue; guarded by the lock of the queue's owner
	wakeups    int  // times woken without getting the lock (rawMutex)
	handoff    bool // the lock was handed over on wake-up (rawMutex)
}

func newWaiter() *waiter { return &waiter{p: sched.NewParker()} }

// A waitQueue is an intrusive FIFO of waiters. Its owner guards it.
type waitQueue struct {
	head, tail *waiter
}

func (q *waitQueue) empty() bool { return q.head == nil }

func (q *waitQueue) pushBack(w *waiter) {
	w.queued = true
	w.prev, w.next = q.tail, nil
	if q.tail == nil {
		q.head = w
	} else {
		q.tail.next = w
	}
	q.tail = w
}

func (q *waitQueue) pushFront(w *waiter) {
	w.queued = true
	w.prev, w.next = nil, q.head
	if q.head == nil {
		q.tail = w
	} else {
		q.head.prev = w
	}
	q.head = w
}

func (q *waitQueue) popFront() *waiter {
	w := q.head
	if w != nil {
		q.remove(w)
	}
	return w
}

// remove takes w out of the queue and reports whether it was in it.
func (q *waitQueue) remove(w *waiter) bool {
	if !w.queued {
		return false
	}
	if w.prev == nil {
		q.head = w.next
	} else {
		w.prev.next = w.next
	}
	if w.next == nil {
		q.tail = w.prev
	} else {
		w.next.prev = w.prev
	}
	w.prev, w.next, w.queued = nil, nil, false
	return true
}
