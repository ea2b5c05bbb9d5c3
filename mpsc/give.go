package mpsc

import "github.com/fearlessgo/fearless/internal/backoff"

// give hands v straight to a receiver blocked on the empty buffer, as Go's
// channels do, and reports whether it did. The receiver then returns v
// without looking in the buffer, and the buffer keeps its room for the
// next send: one switch to the receiver carries a value more. Under an
// installed scheduler sends keep to the buffer, as receives keep to plain
// wake-ups there (see handOff).
//
// The buffer must be empty, or v would pass the values in it. Senders do
// not take the receivers' lock, so another may fill the buffer right after
// the look; that send then comes after this one, which is an order the two
// could have had anyway. A receive that took the last value but has not
// yet freed its slot counts as done: its head has moved.
func (c *arrayChan[T]) give(v T) bool {
	if !backoff.Useful() {
		return false
	}
	r := &c.receivers
	r.mu.Lock()
	if tail := c.tail.Load(); tail&c.mark != 0 || c.head.Load() != tail {
		r.mu.Unlock()
		return false // disconnected (trySend says so), or not empty
	}
	w, unpark := r.q.selectAndGive(v)
	r.setWaiting(len(r.q.entries) > 0)
	r.mu.Unlock()
	return woken(w, unpark)
}
