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
// succeed after all, it calls the wait off, unregisters and tries again.
// A sender may have given the wait a value meanwhile (see arrayChan.give):
// then the wait cannot be called off, and the caller gets it at once.
func pollOrRegister[T any](c pollFlavor[T], cache *entryCache[T]) (T, status, *entry[T]) {
	var zero T
	e := cache.get()
	for {
		if v, st := c.tryRecv(); st != notReady {
			cache.put(e)
			return v, st, nil
		}
		e.expect = e.w.begin()
		if !c.registerRecv(e) {
			return zero, notReady, e
		}
		if ok, _ := e.w.trySelect(e.expect, selAborted); !ok {
			return zero, notReady, e
		}
		c.unregisterRecv(e.w)
	}
}
