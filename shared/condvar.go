package shared

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/internal/label"
	"github.com/fearlessgo/fearless/internal/sched"
)

const (
	opWait      sched.Op = "shared.Condvar.Wait"
	opNotifyOne sched.Op = "shared.Condvar.NotifyOne"
	opNotifyAll sched.Op = "shared.Condvar.NotifyAll"
)

// A Condvar lets goroutines wait, holding a MutexGuard[T], until another
// goroutine changes the guarded value and notifies them, like Rust's
// std::sync::Condvar. The zero value is ready to use. A Condvar must not be
// copied after first use.
//
// This Condvar wakes a waiter only when notified (or when its timeout
// passes), but code should still wait in a loop on the condition, as
// WaitWhile does: the condition may have changed again before the woken
// goroutine gets the lock back. Waiters park durably.
//
// A Condvar belongs to the first Mutex it waits with: waiting with a guard
// of another Mutex panics, as in Rust, since a notification could then be
// missed by a goroutine holding the other lock.
type Condvar[T any] struct {
	_     noCopy
	mu    sync.Mutex // guards q
	q     waitQueue
	bound atomic.Pointer[Mutex[T]] // the Mutex of the first wait
	label label.Label
}

// NewCondvar returns a Condvar. Like NewMutex, it records where it was
// called while deadlock detection or the schedule explorer is on.
func NewCondvar[T any]() *Condvar[T] {
	c := &Condvar[T]{}
	if tracking() {
		c.label.Record(0)
	}
	return c
}

// Named gives c a name for reports and returns c, as Mutex.Named does.
func (c *Condvar[T]) Named(name string) *Condvar[T] {
	c.label.SetName(name)
	return c
}

// SchedLabel names c in reports, as Mutex.SchedLabel does.
func (c *Condvar[T]) SchedLabel() string { return c.label.Describe(kindOf(c)) }

// Wait unlocks g's Mutex, waits for a notification and locks it again
// before it returns; g holds the lock again either way. A notification sent
// after Wait released the lock is never missed. The error is ErrPoisoned if
// the Mutex is poisoned when Wait gets it back, and ErrUnlocked (without
// waiting) if g was already unlocked. It panics when g's Mutex is not the
// one this Condvar waited with before.
func (c *Condvar[T]) Wait(g *MutexGuard[T]) error {
	sched.Point(opWait, c)
	if g == nil || g.m == nil {
		return ErrUnlocked
	}
	c.bind("Wait", g.m)
	w := newWaiter()
	c.enqueue(w)
	m := g.suspend()
	w.p.Park()
	return g.resume(m)
}

// WaitWhile waits, as Wait, for as long as cond (called with the lock held)
// returns true. It returns as soon as cond is false, at once if it already
// is; a wake-up while cond still holds only waits again. A nil cond panics.
func (c *Condvar[T]) WaitWhile(g *MutexGuard[T], cond func(v *T) bool) error {
	if g == nil || g.m == nil {
		return ErrUnlocked
	}
	needCond("WaitWhile", cond)
	for cond(g.Get()) {
		if err := c.Wait(g); err != nil {
			return err
		}
	}
	return nil
}

// WaitTimeout is Wait for at most d. It reports whether it returned because
// d passed rather than on a notification. A d <= 0 returns at once, timed
// out, without releasing the lock.
func (c *Condvar[T]) WaitTimeout(g *MutexGuard[T], d time.Duration) (timedOut bool, err error) {
	sched.Point(opWait, c)
	if g == nil || g.m == nil {
		return false, ErrUnlocked
	}
	c.bind("WaitTimeout", g.m)
	if d <= 0 {
		return true, poisonErr(g.m.raw.poisoned())
	}
	w := newWaiter()
	c.enqueue(w)
	m := g.suspend()
	if !w.p.ParkTimeout(d) {
		c.mu.Lock()
		// Not in the queue any more: a notification took w just now. It
		// counts as a notification, so none is lost.
		timedOut = c.q.remove(w)
		c.mu.Unlock()
	}
	return timedOut, g.resume(m)
}

// WaitTimeoutWhile waits, as WaitTimeout, for as long as cond returns true
// and d has not passed in all. It reports whether it gave up because d
// passed with cond still true. A nil cond panics.
func (c *Condvar[T]) WaitTimeoutWhile(g *MutexGuard[T], d time.Duration, cond func(v *T) bool) (timedOut bool, err error) {
	if g == nil || g.m == nil {
		return false, ErrUnlocked
	}
	needCond("WaitTimeoutWhile", cond)
	deadline := sched.Now().Add(d)
	for cond(g.Get()) {
		left := sched.Until(deadline)
		if left <= 0 {
			return true, nil
		}
		if _, err := c.WaitTimeout(g, left); err != nil {
			return false, err
		}
	}
	return false, nil
}

// NotifyOne wakes one waiting goroutine, the one that has waited longest.
// It does nothing when none waits; it need not hold the lock.
func (c *Condvar[T]) NotifyOne() {
	sched.Point(opNotifyOne, c)
	c.mu.Lock()
	w := c.q.popFront()
	c.mu.Unlock()
	if w != nil {
		w.p.Unpark()
	}
}

// NotifyAll wakes every waiting goroutine.
func (c *Condvar[T]) NotifyAll() {
	sched.Point(opNotifyAll, c)
	c.mu.Lock()
	var woken []*waiter
	for w := c.q.popFront(); w != nil; w = c.q.popFront() {
		woken = append(woken, w)
	}
	c.mu.Unlock()
	for _, w := range woken {
		w.p.Unpark()
	}
}

// String formats c like Rust's Debug: "Condvar { .. }".
func (c *Condvar[T]) String() string { return "Condvar { .. }" }

// bind makes m the Condvar's Mutex on its first wait, and panics when a
// later wait brings another.
func (c *Condvar[T]) bind(op string, m *Mutex[T]) {
	b := c.bound.Load()
	if b == nil && c.bound.CompareAndSwap(nil, m) {
		return
	}
	if b == nil {
		b = c.bound.Load() // another wait bound it just now
	}
	if b != m {
		panic("shared: Condvar." + op + ": this Condvar waited with another Mutex before; use each Condvar with one Mutex only")
	}
}

func needCond[T any](op string, cond func(v *T) bool) {
	if cond == nil {
		panic("shared: Condvar." + op + ": cond is nil; pass the condition to wait on")
	}
}

func (c *Condvar[T]) enqueue(w *waiter) {
	c.mu.Lock()
	c.q.pushBack(w)
	c.mu.Unlock()
}

// suspend releases the guard's lock for a condition wait and returns the
// Mutex that resume takes back.
func (g *MutexGuard[T]) suspend() *Mutex[T] {
	m := g.m
	g.release(false)
	return m
}

func (g *MutexGuard[T]) resume(m *Mutex[T]) error {
	g.m = m
	return m.lock(g)
}
