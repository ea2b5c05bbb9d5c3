package natsch

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
)

// A SyncSender is one counted handle to the sending side of a bounded
// channel; see Sender for counting, cloning and closing, which work the
// same way. It is safe for concurrent use. The zero value is a closed
// handle.
//
// The bound holds across processes: the server refuses a value beyond it,
// and a value counts until a receiver acknowledged it, just after Recv
// returned it. A send blocked on a full channel tries again when a
// receiver says it freed room, or after 100ms without word.
type SyncSender[T any] struct{ c *sendCore[T] }

func newSyncSender[T any](l *link, codec Codec[T]) *SyncSender[T] {
	return wrapSyncSender(newCore(l, codec))
}

func wrapSyncSender[T any](c *sendCore[T]) *SyncSender[T] {
	s := &SyncSender[T]{c: c}
	if c != nil {
		runtime.AddCleanup(s, (*sendCore[T]).collected, c)
	}
	return s
}

// Send stores v, waiting while the channel is full; on a rendezvous
// channel (bound 0) it returns once a receiver took v. It fails with a
// *mpsc.SendError holding v when the receivers are gone, before or while
// it waits (mpsc.ErrDisconnected), or this handle is closed
// (mpsc.ErrClosed).
func (s *SyncSender[T]) Send(v T) error {
	return s.core().send(context.Background(), v, nil, false)
}

// TrySend stores v if there is room now. It fails with mpsc.ErrFull inside
// the *mpsc.SendError when there is not, and on a rendezvous channel when
// no receiver is waiting (one that is waiting has half a second to take
// v), or with mpsc.ErrDisconnected or mpsc.ErrClosed.
func (s *SyncSender[T]) TrySend(v T) error {
	return s.core().send(context.Background(), v, mpsc.ErrFull, false)
}

// SendTimeout is Send that gives up after d with mpsc.ErrTimeout inside
// the *mpsc.SendError. A d <= 0 tries once without waiting. A publish
// under way when d runs out is waited for (at most 2s): when the server
// stored v, SendTimeout succeeds, late. On a rendezvous channel a value
// not taken in time is taken back from the server, so that it is never
// received after SendTimeout failed.
func (s *SyncSender[T]) SendTimeout(v T, d time.Duration) error {
	if d <= 0 {
		return s.core().send(context.Background(), v, mpsc.ErrTimeout, false)
	}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return s.core().send(ctx, v, nil, true)
}

// SendContext is Send that gives up when ctx ends, with ctx.Err() inside
// the *mpsc.SendError. A value that can go at once goes even if ctx is
// done.
func (s *SyncSender[T]) SendContext(ctx context.Context, v T) error {
	return s.core().send(ctx, v, nil, false)
}

// Clone returns another counted handle; see Sender.Clone.
func (s *SyncSender[T]) Clone() *SyncSender[T] {
	return wrapSyncSender(s.core().clone())
}

// Close drops this handle; see Sender.Close. Sends of this handle blocked
// meanwhile fail with mpsc.ErrClosed.
func (s *SyncSender[T]) Close() { s.core().close() }

// String names the channel and the handle.
func (s *SyncSender[T]) String() string {
	if c := s.core(); c != nil && c.l != nil {
		return fmt.Sprintf("natsch.SyncSender(%s, %s)", c.l.n.channel, c.id)
	}
	return "natsch.SyncSender(closed)"
}

func (s *SyncSender[T]) core() *sendCore[T] {
	if s == nil {
		return nil
	}
	return s.c
}
