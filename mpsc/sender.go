package mpsc

import (
	"runtime"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Channel creates an unbounded channel and returns its first sender handle
// and its receiver. Send never blocks: the channel grows as needed.
//
// Sends that find the receiver more than about a thousand values behind,
// and not moving, yield the processor (runtime.Gosched) now and then, so
// that the receiver gets to run; see the package doc.
func Channel[T any]() (*Sender[T], *Receiver[T]) {
	c := newListChan[T]()
	if sched.RecordSite() {
		c.label.Record(0) // for the schedule explorer's reports
	}
	return newSender(c), newReceiver[T](c)
}

// A Sender is one handle to the sending side of an unbounded channel.
// Clone makes another handle; the receiver sees ErrDisconnected once every
// handle is closed and every value sent was received.
//
// A Sender is safe for concurrent use: several goroutines may send through
// one handle, and values sent by one goroutine arrive in the order sent.
// Close it when done, as Rust drops it at the end of its scope (Close is
// the Go spelling of that drop). A handle that becomes unreachable
// without Close is closed when the garbage collector finds it, but that may
// be late or never: an explicit Close (often deferred) is the way. The zero
// value is a closed handle.
type Sender[T any] struct {
	c *listChan[T]
	sendHandle
}

func newSender[T any](c *listChan[T]) *Sender[T] {
	s := &Sender[T]{c: c}
	track(s, &s.sendHandle, c)
	return s
}

// Send puts v on the channel without blocking. It fails with a *SendError
// holding v when the receiver is closed (ErrDisconnected) or this handle is
// (ErrClosed).
//
// Cost: a lock-free append, with an allocation only when a block of the
// list fills, and a wake-up of the receiver when it waits.
func (s *Sender[T]) Send(v T) error {
	if s == nil || s.c == nil {
		return &SendError[T]{Value: v, Err: ErrClosed}
	}
	pointSend("mpsc.Send", s.c)
	if s.closed.Load() {
		return &SendError[T]{Value: v, Err: ErrClosed}
	}
	st := s.c.trySend(v)
	runtime.KeepAlive(s) // the handle must not be collected, and closed, mid-send
	if st != ok {
		return &SendError[T]{Value: v, Err: ErrDisconnected}
	}
	return nil
}

// Clone returns a new handle to the same channel, which keeps it connected
// until it too is closed. Cloning a closed handle, or one whose channel lost
// all its senders, returns a closed handle: a channel never reconnects.
func (s *Sender[T]) Clone() *Sender[T] {
	if s == nil || s.c == nil {
		return &Sender[T]{}
	}
	sched.Point("mpsc.Clone", s.c)
	if !s.cloneable(s.c) {
		c := &Sender[T]{c: s.c}
		c.closed.Store(true)
		return c
	}
	c := newSender(s.c)
	runtime.KeepAlive(s)
	return c
}

// Close drops this handle. When it was the last open one, the channel
// disconnects: the receiver gets the values still buffered, then
// ErrDisconnected. Close is idempotent; the handle's later sends fail with
// ErrClosed.
func (s *Sender[T]) Close() {
	if s == nil || s.c == nil {
		return
	}
	pointSend("mpsc.Close", s.c)
	s.close(s.c)
}
