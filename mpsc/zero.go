package mpsc

import "sync"

// The rendezvous flavour (bound 0) has no buffer: a value passes straight
// from a sender to a receiver, both present at once. Whoever comes first
// registers an entry and waits; whoever comes second, holding the same lock,
// selects that entry and completes the exchange through it: a sender writes
// its value into a waiting receiver's entry, a receiver takes the value out
// of a waiting sender's entry. So a send returns only once a receiver took
// its value, and a selection here is the exchange itself, not a hint.
type zeroChan[T any] struct {
	mu           sync.Mutex
	senders      waitQueue[T]
	receivers    waitQueue[T]
	disconnected bool
	chanCore
}

func newZeroChan[T any]() *zeroChan[T] {
	c := &zeroChan[T]{}
	c.openCore()
	return c
}

func (c *zeroChan[T]) trySend(v T) status {
	c.mu.Lock()
	if c.disconnected {
		c.mu.Unlock()
		return disconnected
	}
	w, unpark := c.receivers.selectAndGive(v)
	c.mu.Unlock()
	if !woken(w, unpark) {
		return notReady
	}
	return ok
}

func (c *zeroChan[T]) tryRecv() (T, status) {
	var zero T
	c.mu.Lock()
	v, w, unpark := c.senders.selectAndTake()
	if w == nil {
		d := c.disconnected
		c.mu.Unlock()
		if d {
			return zero, disconnected
		}
		return zero, notReady
	}
	c.mu.Unlock()
	if unpark {
		w.unpark()
	}
	return v, ok
}

// registerRecv registers e to be handed a value. It reports readiness (a
// sender already waits, or the channel is disconnected); the caller then
// aborts its wait and tries again.
func (c *zeroChan[T]) registerRecv(e *entry[T]) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.receivers.push(e)
	return c.disconnected || c.senders.canSelect(e.w)
}

// recvOrRegister takes the value of a waiting sender or, when none waits,
// registers an entry to be handed one, under a single lock.
func (c *zeroChan[T]) recvOrRegister(cache *entryCache[T]) (T, status, *entry[T]) {
	var zero T
	c.mu.Lock()
	if v, w, unpark := c.senders.selectAndTake(); w != nil {
		c.mu.Unlock()
		if unpark {
			w.unpark()
		}
		return v, ok, nil
	}
	if c.disconnected {
		c.mu.Unlock()
		return zero, disconnected, nil
	}
	e := cache.get()
	e.expect = e.w.begin()
	c.receivers.push(e)
	c.mu.Unlock()
	return zero, notReady, e
}

func (c *zeroChan[T]) unregisterRecv(w *waiter) {
	c.mu.Lock()
	c.receivers.remove(w)
	c.mu.Unlock()
}

// acceptRecv takes the value a sender left in e when it selected it.
func (c *zeroChan[T]) acceptRecv(e *entry[T]) (T, status) { return e.val, ok }

// sendOrRegister hands v to a waiting receiver or, when none waits,
// registers an entry with v to wait for one, under a single lock.
func (c *zeroChan[T]) sendOrRegister(cache *entryCache[T], v T) (status, *entry[T]) {
	c.mu.Lock()
	if c.disconnected {
		c.mu.Unlock()
		return disconnected, nil
	}
	if w, unpark := c.receivers.selectAndGive(v); w != nil {
		c.mu.Unlock()
		if unpark {
			w.unpark()
		}
		return ok, nil
	}
	e := cache.get()
	e.expect = e.w.begin()
	e.val = v
	c.senders.push(e)
	c.mu.Unlock()
	return notReady, e
}

func (c *zeroChan[T]) unregisterSend(w *waiter) {
	c.mu.Lock()
	c.senders.remove(w)
	c.mu.Unlock()
}

// acceptSend: being selected means a receiver took the value.
func (c *zeroChan[T]) acceptSend(*entry[T], T) status { return ok }

func (c *zeroChan[T]) len() int { return 0 }

func (c *zeroChan[T]) disconnect() {
	c.mu.Lock()
	if !c.disconnected {
		c.disconnected = true
		c.senders.disconnectAll()
		c.receivers.disconnectAll()
	}
	c.mu.Unlock()
}
