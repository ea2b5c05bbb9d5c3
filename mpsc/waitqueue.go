package mpsc

// waitQueue is a FIFO of registered entries. Its owner guards it.
type waitQueue[T any] struct{ entries []*entry[T] }

func (q *waitQueue[T]) push(e *entry[T]) { q.entries = append(q.entries, e) }

func (q *waitQueue[T]) removeAt(i int) {
	last := len(q.entries) - 1
	if i < last { // most often the queue holds one entry: nothing to move
		copy(q.entries[i:], q.entries[i+1:])
	}
	q.entries[last] = nil
	q.entries = q.entries[:last]
}

// remove unregisters the entries of w and reports whether there were any.
func (q *waitQueue[T]) remove(w *waiter) bool {
	found := false
	for i := 0; i < len(q.entries); {
		if q.entries[i].w == w {
			q.removeAt(i)
			found = true
			continue
		}
		i++
	}
	return found
}

// selectOne selects the first entry still waiting, removes it from the
// queue and returns its waiter, and whether to unpark it; nil when none
// waits. Once an entry is selected its owner may reuse it at once (for
// another wait, with another waiter), so a selector touches an entry only
// before its selecting CAS and unparks the waiter it read before; after a
// failed one the owner still has to take the lock to unregister.
func (q *waitQueue[T]) selectOne() (*waiter, bool) {
	for i, e := range q.entries {
		w := e.w
		if ok, unpark := e.trySelect(); ok {
			q.removeAt(i)
			return w, unpark
		}
	}
	return nil, false
}

// selectAndGive is selectOne for a sender that hands v to a blocked
// receiver: it puts v in the entry before selecting it, so the owner finds
// the value there as soon as it sees its selection.
func (q *waitQueue[T]) selectAndGive(v T) (*waiter, bool) {
	var zero T
	for i, e := range q.entries {
		w := e.w
		e.val, e.given = v, true
		if ok, unpark := e.trySelect(); ok {
			q.removeAt(i)
			return w, unpark
		}
		e.val, e.given = zero, false
	}
	return nil, false
}

// selectAndTake is selectOne for a rendezvous receiver: it reads the value
// of the entry it selects before selecting it.
func (q *waitQueue[T]) selectAndTake() (T, *waiter, bool) {
	for i, e := range q.entries {
		v, w := e.val, e.w
		if ok, unpark := e.trySelect(); ok {
			q.removeAt(i)
			return v, w, unpark
		}
	}
	var zero T
	return zero, nil, false
}

// canSelect reports whether some entry, not belonging to self, is waiting.
func (q *waitQueue[T]) canSelect(self *waiter) bool {
	for _, e := range q.entries {
		if e.w != self && e.w.selection(e.expect) == selWaiting {
			return true
		}
	}
	return false
}

// disconnectAll selects every waiting entry as disconnected and wakes it.
// The entries stay: their owners unregister them.
func (q *waitQueue[T]) disconnectAll() {
	for _, e := range q.entries {
		w := e.w
		if ok, unpark := w.trySelect(e.expect, selDisconnected); ok && unpark {
			w.unpark()
		}
	}
}
