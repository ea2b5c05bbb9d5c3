package natsch

import (
	"context"
	"fmt"
	"runtime"
)

// A Sender is one counted handle to the sending side of an unbounded
// channel, as mpsc.Sender is in one process. The receivers see
// mpsc.ErrDisconnected once every sender of the channel, in every process,
// is closed or lost its lease, and every value was received.
//
// A Sender is safe for concurrent use; the values one goroutine sends are
// first delivered in the order sent. Close it when done. A handle that
// becomes unreachable without Close is closed when the garbage collector
// finds it, as in mpsc, but that may be late or never: an explicit Close
// is the way. The zero value is a closed handle.
type Sender[T any] struct{ c *sendCore[T] }

func newSender[T any](l *link, codec Codec[T]) *Sender[T] {
	return wrapSender(newCore(l, codec))
}

// wrapSender makes the handle of c, which closes c when the garbage
// collector finds it unreachable and unclosed.
func wrapSender[T any](c *sendCore[T]) *Sender[T] {
	s := &Sender[T]{c: c}
	if c != nil {
		runtime.AddCleanup(s, (*sendCore[T]).collected, c)
	}
	return s
}

// Send stores v in the channel and returns once the server acknowledged
// it: from then on v is received exactly once. Send does not wait for a
// receiver, but it does wait for the server: while the server is out of
// reach it retries, under the same message id, so that v is stored once.
// It fails with a *mpsc.SendError holding v when the receivers are gone
// (mpsc.ErrDisconnected) or this handle is closed (mpsc.ErrClosed).
func (s *Sender[T]) Send(v T) error {
	return s.core().send(context.Background(), v, nil, false)
}

// SendContext is Send that gives up when ctx ends, with ctx.Err() inside
// the *mpsc.SendError. A publish under way when ctx ends is waited for (at
// most 2s), and succeeds when the server stored v; a send given up while
// the server did not answer at all may still have stored v, which is then
// received, once.
func (s *Sender[T]) SendContext(ctx context.Context, v T) error {
	return s.core().send(ctx, v, nil, false)
}

// Clone returns another counted handle, local to this process: it costs no
// round trip, and the channel stays connected while any handle is open.
// Cloning a closed handle, or one whose channel lost its senders, returns
// a closed handle.
func (s *Sender[T]) Clone() *Sender[T] {
	return wrapSender(s.core().clone())
}

// Close drops this handle, after its sends in flight. When it was the
// last sender of its process's Channel or Open call, the channel's
// registry records that; when it was the channel's last sender anywhere,
// the receivers get the values left, then mpsc.ErrDisconnected. Close is
// idempotent.
func (s *Sender[T]) Close() { s.core().close() }

// String names the channel and the handle.
func (s *Sender[T]) String() string {
	if c := s.core(); c != nil && c.l != nil {
		return fmt.Sprintf("natsch.Sender(%s, %s)", c.l.n.channel, c.id)
	}
	return "natsch.Sender(closed)"
}

func (s *Sender[T]) core() *sendCore[T] {
	if s == nil {
		return nil
	}
	return s.c
}
