package mpsc

import (
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/sched"
)

// An entry is a waiter's registration with one channel. It may also carry
// the value handed over: a blocked rendezvous sender's value, or the slot
// a sender fills for a blocked receiver (then given is set, for a bounded
// channel whose receiver must not look in the buffer instead). Selectors
// read and write expect, val and given under the lock of the queue that
// holds the entry; the owner reads them once it sees its selection.
type entry[T any] struct {
	w      *waiter
	op     uint32
	expect uint64 // the waiter's state while this registration waits
	given  bool   // val is a value a sender gave this receive
	val    T
}

// takeGiven returns the value a sender gave e, and whether one did, and
// leaves e holding none.
func (e *entry[T]) takeGiven() (T, bool) {
	var zero T
	v, given := e.val, e.given
	e.val, e.given = zero, false
	return v, given
}

// trySelect selects the waiter for this entry's operation.
func (e *entry[T]) trySelect() (selected, mustUnpark bool) { return e.w.trySelect(e.expect, e.op) }

// entryCache keeps one entry (and with it one waiter and its parker) per
// handle, so that blocking does not allocate in steady state. It is safe for
// concurrent use: a goroutine that finds it empty allocates its own.
type entryCache[T any] struct{ p atomic.Pointer[entry[T]] }

func (c *entryCache[T]) get() *entry[T] {
	if e := c.p.Swap(nil); e != nil {
		return e
	}
	return &entry[T]{w: new(waiter), op: selOperation}
}

func (c *entryCache[T]) put(e *entry[T]) {
	var zero T
	e.val, e.given = zero, false
	c.p.Store(e)
}

// waiterCache keeps one waiter (with its parker) for Select, as entryCache
// does for a handle's own waits; it is safe for concurrent use. Under an
// installed scheduler every wait gets a new waiter, so that which waiter a
// wait gets never depends on the timing of earlier ones. A nil cache keeps
// nothing.
type waiterCache struct{ p atomic.Pointer[waiter] }

func (c *waiterCache) get() *waiter {
	if c != nil && !sched.Installed() {
		if w := c.p.Swap(nil); w != nil {
			return w
		}
	}
	return new(waiter)
}

func (c *waiterCache) put(w *waiter) {
	if c != nil && !sched.Installed() {
		c.p.Store(w)
	}
}
