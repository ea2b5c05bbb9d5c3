package mpsc

// The three flavours (listChan, arrayChan, zeroChan) are called by the
// handles and never call them back: the handles hold the state of a handle
// (closed, a cached wait entry) and the blocking loops; a flavour holds the
// channel.

// flavor is what every flavour has.
type flavor interface {
	core() *chanCore
	// disconnect makes every later send fail and wakes every waiter with
	// selDisconnected. It is idempotent.
	disconnect()
	// receiverWaits reports whether a receiver is registered to be woken.
	receiverWaits() bool
}

// recvFlavor is what a Receiver (and a Select case) needs from a channel.
type recvFlavor[T any] interface {
	flavor
	tryRecv() (T, status)
	// registerRecv registers e to be woken when a receive may succeed and
	// reports whether one may succeed already (then the caller must not wait).
	registerRecv(e *entry[T]) (ready bool)
	// recvOrRegister receives if it can now, and otherwise registers an
	// entry from cache and returns it with notReady: the caller may then
	// wait on it at once.
	recvOrRegister(cache *entryCache[T]) (T, status, *entry[T])
	unregisterRecv(w *waiter)
	// acceptRecv completes a receive after e was selected.
	acceptRecv(e *entry[T]) (T, status)
	len() int
}

// sendFlavor is what a SyncSender needs from a bounded channel.
type sendFlavor[T any] interface {
	flavor
	trySend(v T) status
	// sendOrRegister sends if it can now, and otherwise registers an entry
	// from cache holding v and returns it with notReady: the caller may
	// then wait on it at once.
	sendOrRegister(cache *entryCache[T], v T) (status, *entry[T])
	unregisterSend(w *waiter)
	// acceptSend completes a send of v after e was selected.
	acceptSend(e *entry[T], v T) status
}
