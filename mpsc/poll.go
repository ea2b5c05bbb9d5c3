package mpsc

// pollFlavor is what a lock-free flavour (list or array) offers a receive
// that may wait: a try, and a registration that looks again afterwards.
type pollFlavor[T any] interface {
	tryRecv() (T, status)
	registerRecv(e *entry[T]) (ready bool)
	unregisterRecv(w *waiter)
}

// pollOrRegister is recvOrRegister for a lock-free flavour. A value may
// come between a failed try and the registration, which no notify would
// then announce; so the registration looks again, and when a receive may
// succeed after all, it unregisters and tries again.
func pollOrRegister[T any](c pollFlavor[T], cache *entryCache[T]) (T, status, *entry[T]) {
	e := cache.get()
	for {
		if v, st := c.tryRecv(); st != notReady {
			cache.put(e)
			return v, st, nil
		}
		e.expect = e.w.begin()
		if !c.registerRecv(e) {
			var zero T
			return zero, notReady, e
		}
		c.unregisterRecv(e.w)
	}
}
