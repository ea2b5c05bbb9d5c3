// Package mpsc is Rust's std::sync::mpsc for Go: channels that know when
// every sender is gone.
//
// A channel has sender handles and one receiver. [Channel] makes an unbounded
// one, whose Send never blocks; [SyncChannel](n) a bounded one, whose Send
// blocks while n values wait, and with n = 0 a rendezvous, whose Send
// returns only once a receiver took the value. Clone makes another sender
// handle; Close drops a handle, as Rust drops it.
//
// For Go programmers: "drop" is Rust's word for a value going out of use,
// which runs its cleanup; here that is Close, and the other side is told
// ([ErrDisconnected], or a [SendError]). Unlike a Go channel, no one goroutine
// has to own the close: each holder of a sender closes its own handle.
//
// Disconnection is exact, in both directions. The receiver gets every value
// sent, in order per sender, and then ErrDisconnected, once the last sender
// handle is closed: no goroutine has to be appointed to close the channel,
// and no value is lost. A send after the receiver is closed, or blocked
// when it closes, fails with a *SendError that hands the value back, rather
// than panicking or blocking forever. Using a handle after its own Close
// gives [ErrClosed]; a second Close does nothing.
//
// Handles are safe for concurrent use. Several goroutines may receive from
// one Receiver, each value going to exactly one of them, as the workers of
// a pool share a queue. [Select] waits on several receivers at once, like Go's
// select statement and crossbeam's Select.
//
// Close every handle when done, best with defer. A handle that becomes
// unreachable without Close is closed when the garbage collector finds it
// (with runtime.AddCleanup), so that a forgotten sender cannot hang its
// receiver forever; but collection may come late, or not at all in a
// program that does not allocate, so an explicit Close is the way.
//
// Senders that do not block are paced a little. Go's scheduler shares the
// processors equally among runnable goroutines, so more senders than
// processors would leave the receiver a small share of one, and an
// unbounded buffer would grow as fast as they can send. About once in a
// thousand values, a send that does not block looks at the receiver; when
// it lags more than about a thousand values behind and two looks in a row
// found it where it was, it is most likely waiting for a processor, and the
// send yields its own (runtime.Gosched). Send still never blocks.
//
// Blocked operations park their goroutine (through the scheduler seam of
// package fearless/internal/sched), never spin for long, and count as
// durably blocked for testing/synctest. As with Go's channels, use a channel
// either inside one synctest bubble or outside all of them.
//
// The unbounded flavour is a linked list of blocks, the bounded one a ring
// of stamped slots, both lock-free, after crossbeam-channel; the rendezvous
// hands each value over under a lock. A bounded channel allocates nothing
// per message.
package mpsc
