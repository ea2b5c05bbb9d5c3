package mpsc

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// A SelectCase is one receive that Select may perform: made by Case, used
// by one Select call at a time.
type SelectCase struct{ c selectable }

// selectable hides the element type of a case from Select.
type selectable interface {
	live() bool                                        // false for a case that can never be ready
	try() bool                                         // receive now if ready; false when it would block
	register(w *waiter, expect uint64, op uint32) bool // wait for readiness; true when ready already
	unregister(w *waiter)
	accept() bool // complete the receive w was selected for
	waiters() *waiterCache
	run() // hand the result to the callback
}

// Case makes a Select case that receives from r and then calls f with what
// Recv would have returned: a value and nil, or the zero value and
// ErrDisconnected (the channel is disconnected and empty) or ErrClosed (r is
// closed). A disconnected channel is a ready case, as a closed channel is
// in Go's select, so a loop over Select must stop selecting it. f may be nil.
//
// A case on a nil *Receiver is never ready, like a nil channel in Go's
// select: set a variable to nil to switch its case off.
func Case[T any](r *Receiver[T], f func(v T, err error)) SelectCase {
	return SelectCase{&recvCase[T]{r: r, f: f}}
}

type recvCase[T any] struct {
	r          *Receiver[T]
	f          func(T, error)
	e          entry[T] // the registration while Select waits, kept for the next wait
	registered bool
	v          T
	err        error
}

func (c *recvCase[T]) live() bool { return c.r != nil }

// waiters is the cache of the receiver's Select waiters: a waiter's parker
// belongs to the synctest bubble it was made in, as the receiver does, so
// it is kept with the receiver rather than in a pool that all share.
func (c *recvCase[T]) waiters() *waiterCache { return &c.r.selecting }

func (c *recvCase[T]) isClosed() bool {
	return c.r == nil || c.r.fl == nil || c.r.closed.Load()
}

func (c *recvCase[T]) settle(v T, st status) bool {
	switch st {
	case ok:
		c.v, c.err = v, nil
		return true
	case disconnected:
		var zero T
		c.v, c.err = zero, ErrDisconnected
		if c.isClosed() {
			c.err = ErrClosed
		}
		return true
	}
	return false
}

func (c *recvCase[T]) try() bool {
	if c.isClosed() {
		var zero T
		c.v, c.err = zero, ErrClosed
		return true
	}
	return c.settle(c.r.fl.tryRecv())
}

func (c *recvCase[T]) register(w *waiter, expect uint64, op uint32) bool {
	if c.isClosed() {
		return true
	}
	c.e = entry[T]{w: w, op: op, expect: expect}
	c.registered = true
	return c.r.fl.registerRecv(&c.e) || c.isClosed()
}

func (c *recvCase[T]) unregister(w *waiter) {
	if c.registered {
		c.r.fl.unregisterRecv(w)
		c.registered = false
	}
}

// accept runs after unregister: the entry is in no queue any more.
func (c *recvCase[T]) accept() bool {
	v, st := c.r.fl.acceptRecv(&c.e)
	var zero T
	c.e.val = zero
	return c.settle(v, st)
}

func (c *recvCase[T]) run() {
	v, err := c.v, c.err
	var zero T
	c.v, c.err = zero, nil
	if c.f != nil {
		c.f(v, err)
	}
}

// Select waits until one of the cases can receive, performs that receive,
// calls the case's function and returns the case's index. When several are
// ready it picks one at random, so that no channel starves another. A
// case whose channel is disconnected, or whose receiver is closed, is
// ready (its function gets the error). Select with no case that can ever be
// ready (none, or all on nil receivers) returns -1 at once rather than
// blocking forever.
func Select(cases ...SelectCase) int {
	i, _ := doSelect(cases, noContext, time.Time{}, true)
	return i
}

// TrySelect is Select that does not wait: it returns -1 when no case is
// ready.
func TrySelect(cases ...SelectCase) int {
	i, _ := doSelect(cases, noContext, past, false)
	return i
}

// SelectTimeout is Select that gives up after d and returns -1 and
// ErrTimeout.
func SelectTimeout(d time.Duration, cases ...SelectCase) (int, error) {
	return doSelect(cases, noContext, deadlineAfter(d), true)
}

// SelectContext is Select that gives up when ctx is done and returns -1 and
// ctx.Err(). A case that is ready at once is taken even if ctx is done. A
// nil ctx panics.
func SelectContext(ctx context.Context, cases ...SelectCase) (int, error) {
	needContext("SelectContext", ctx)
	return doSelect(cases, ctx, time.Time{}, true)
}

func doSelect(all []SelectCase, ctx context.Context, deadline time.Time, block bool) (int, error) {
	sched.Point("mpsc.Select", nil)
	// index maps the live cases to their place in all.
	var buf [8]int
	index := buf[:0]
	for i, c := range all {
		if c.c != nil && c.c.live() {
			index = append(index, i)
		}
	}
	n := len(index)
	if n == 0 && ctx == nil && deadline.IsZero() {
		return -1, nil
	}
	// A random start keeps Select fair. Under a deterministic scheduler the
	// order of operations decides instead, so that a schedule replays the
	// same way.
	start := 0
	if n > 1 && sched.Active() == nil {
		start = rand.IntN(n)
	}
	at := func(k int) selectable { return all[index[(start+k)%n]].c }
	for {
		for k := range n {
			if c := at(k); c.try() {
				c.run()
				return index[(start+k)%n], nil
			}
		}
		if !block || deadline.Equal(past) {
			return -1, ErrTimeout
		}
		if err := expired(ctx, deadline); err != nil {
			return -1, err
		}
		var cache *waiterCache // none when no case is live: the wait is for the timeout
		if n > 0 {
			cache = at(0).waiters()
		}
		w := cache.get()
		expect := w.begin()
		registered := 0
		for registered < n {
			k := registered
			registered++
			if at(k).register(w, expect, selOperation+uint32(k)) {
				w.trySelect(expect, selAborted)
				break
			}
		}
		sel := w.wait(expect, waitYields, ctx, deadline)
		for k := range registered {
			at(k).unregister(w)
		}
		cache.put(w) // no queue holds an entry of it now
		if sel >= selOperation {
			k := int(sel - selOperation)
			if c := at(k); c.accept() {
				c.run()
				return index[(start+k)%n], nil
			}
		}
	}
}
