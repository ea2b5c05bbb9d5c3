// Package natsch is mpsc's channels across processes and machines, on NATS
// JetStream.
//
// Channel and SyncChannel make a named channel in JetStream and return its
// first sender and receiver; OpenSender, OpenSyncSender and OpenReceiver
// join it from any process connected to the same server. The handles have
// the methods of their mpsc namesakes, with the same meaning and the same
// errors: a failed send returns a *mpsc.SendError holding the value, and
// errors match mpsc's sentinels with errors.Is (mpsc.ErrDisconnected,
// mpsc.ErrFull, mpsc.ErrTimeout, mpsc.ErrEmpty, mpsc.ErrClosed).
//
// # The model
//
// Values live in a work-queue stream, one per channel, read through one
// consumer that every receiver shares. Who holds handles lives in a
// key-value bucket, in one record changed only by compare-and-set, so that
// exactly one process sees the last sender or receiver go:
//
//   - Senders are counted across processes. Clone is local to its process
//     and costs nothing; the channel's record learns only that a process
//     holds no sender any more, so a clone can never let the count pass
//     through zero. A process that dies cannot close its handles: each
//     process renews a lease on them every quarter lease (10s by default,
//     see Lease), and any other process that holds a handle of the channel
//     counts the handles of a lease not renewed for a lease as closed.
//   - The receivers see mpsc.ErrDisconnected once every sender, in every
//     process, is closed or lost its lease, and every value sent was
//     received: none is stored any more, in the stream or held by a
//     receiver of another process.
//   - A send fails with mpsc.ErrDisconnected, handing the value back,
//     once every receiver is closed or lost its lease; the values still
//     stored are then dropped, as mpsc's Receiver.Close drops them.
//   - A value that Send accepted (it returned nil once the server
//     acknowledged it) is received exactly once. A send retried after a
//     lost answer carries the same message id, which the server
//     deduplicates; a receiver acknowledges a value as Recv returns it and
//     waits for the server to confirm; a value held by a receiving process
//     that dies comes again, to another receiver, after the lease. Only a
//     value that a dying receiver had already been handed, and whose
//     acknowledgement died with it, may come once more.
//   - The values of one sender are first delivered in the order sent. A
//     value redelivered after a receiver died (or the server restarted)
//     may come after later ones.
//   - A bounded channel holds at most bound values: the server refuses
//     more, and a value counts until its receiver acknowledged it. A
//     rendezvous (bound 0) hands each value over by deletion: its receiver
//     deletes it to take it, and a sender that gives up (SendTimeout,
//     SendContext, TrySend, Close, the receivers gone) deletes it to take
//     it back; the server lets exactly one of the two succeed.
//
// # Delays
//
// Facts that travel between processes take effect after a short delay,
// not at once. Within one process, a change made through one of its
// handles is seen by its other handles of the same Channel or Open call at
// once. Across processes:
//
//   - the last sender or receiver closed: a notice on core NATS wakes
//     waiters in a few milliseconds; without it (lost in a reconnect) each
//     process rereads the record every quarter lease;
//   - a dead process's handles: gone between one lease and one and a half
//     after its last renewal (the others look every quarter lease, and
//     count a lease from the look that saw the renewal);
//   - room freed in a bounded channel: a notice after the acknowledgement,
//     or 100ms without word;
//   - a rendezvous value taken: a notice, or 200ms without word;
//   - a value sent a moment ago may not yet have reached a receiver's
//     TryRecv.
//
// # Costs
//
// A Send is a round trip to the server, which stores the value before it
// answers; Clone and the receive of a value already fetched are none; a
// receiver keeps up to 64 values fetched ahead. See the README of the dist
// module for measured figures.
//
// Channel names are 1 to 64 of A-Z a-z 0-9 _ -. The stream is FCH_<name>,
// the bucket FCH_<name>_reg; both are removed once both sides are gone.
// Every process must use the same codec for a channel; the default is
// encoding/gob, and JSON and Bytes are the others given.
package natsch
