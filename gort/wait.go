package gort

import "github.com/fearlessgo/fearless/internal/sched"

// A Waiter is one goroutine parked on a modelled object until another wakes
// it. Several waiters of one select share a choice: the first to be woken
// wins, and the others are passed over when their queues reach them.
type Waiter struct {
	p      *sched.Parker
	choice *choice // shared by the waiters of one select; nil otherwise
	index  int     // the case of the select it waits for

	Value  any  // the value sent, or received
	OK     bool // a receive got a sent value, not a close
	Closed bool // woken by a close

	// For locks: a waiter that was woken and lost the lock to another
	// goroutine is starving, and is handed the lock (Granted) by the next
	// unlock, as sync.Mutex hands it over in starvation mode.
	Starving, Granted bool
}

type choice struct {
	done  bool
	index int
}

// NewWaiter returns a waiter for the calling goroutine.
func NewWaiter() *Waiter { return &Waiter{p: sched.NewParker()} }

// live reports whether waking w still means something. Whether a waiter of
// a select is live depends on what the other cases' channels did, so the
// explorer is told that the choice was read.
func (w *Waiter) live() bool {
	if w.choice == nil {
		return true
	}
	if r := Runner(); r != nil {
		r.Touch(w.choice)
	}
	return !w.choice.done
}

// Park blocks until w is woken.
func (w *Waiter) Park() { w.p.Park() }

// ParkHandedOver is Park for a goroutine that, once woken, reads only w
// (its value, its flags) before its next switch point: a channel operation,
// whose waker hands it everything.
func (w *Waiter) ParkHandedOver() { w.p.ParkHandedOver() }

// Wake wakes w, deciding its select if it is part of one.
func (w *Waiter) Wake() {
	if w.choice != nil {
		w.choice.done, w.choice.index = true, w.index
	}
	w.p.Unpark()
}

// A Queue is a FIFO of waiters.
type Queue struct{ ws []*Waiter }

// Push appends w.
func (q *Queue) Push(w *Waiter) { q.ws = append(q.ws, w) }

// PushFront puts w first.
func (q *Queue) PushFront(w *Waiter) { q.ws = append([]*Waiter{w}, q.ws...) }

// Pop removes and returns the first live waiter, or nil.
func (q *Queue) Pop() *Waiter {
	for len(q.ws) > 0 {
		w := q.ws[0]
		q.ws = q.ws[1:]
		if w.live() {
			return w
		}
	}
	return nil
}

// Peek returns the first live waiter without removing it, or nil.
func (q *Queue) Peek() *Waiter {
	for len(q.ws) > 0 {
		if w := q.ws[0]; w.live() {
			return w
		}
		q.ws = q.ws[1:]
	}
	return nil
}

// WakeOne wakes the first live waiter and reports whether there was one.
func (q *Queue) WakeOne() bool {
	if w := q.Pop(); w != nil {
		w.Wake()
		return true
	}
	return false
}

// WakeAll wakes every live waiter.
func (q *Queue) WakeAll() {
	for q.WakeOne() {
	}
}

// Len returns the number of waiters, stale ones included.
func (q *Queue) Len() int { return len(q.ws) }
