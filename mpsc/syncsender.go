package mpsc

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// SyncChannel creates a bounded channel that buffers up to bound values and
// returns its first sender handle and its receiver. A send blocks while the
// buffer is full. With bound 0 the channel is a rendezvous: a send blocks
// until a receiver takes the value. A negative bound panics. As on an
// unbounded channel, when bound is above 1024, sends that find the
// receiver far behind and not moving yield the processor now and then.
//
// The buffer is allocated up front, bound slots of T, and each of its pages
// is written once then, so that the first sends do not take the page faults
// of fresh memory: a bound whose buffer would take more than 1 TiB panics at
// once (use Channel for a channel with no bound).
func SyncChannel[T any](bound int) (*SyncSender[T], *Receiver[T]) {
	var fl interface {
		sendFlavor[T]
		recvFlavor[T]
	}
	switch {
	case bound < 0:
		panic(fmt.Sprintf("mpsc: SyncChannel: the bound %d is negative; pass 0 for a rendezvous channel or a positive buffer size", bound))
	case bound == 0:
		fl = newZeroChan[T]()
	default:
		fl = newArrayChan[T](bound)
	}
	if sched.RecordSite() {
		fl.core().label.Record(0) // for the schedule explorer's reports
	}
	return newSyncSender[T](fl), newReceiver[T](fl)
}

// A SyncSender is one handle to the sending side of a bounded channel; see
// Sender for handles, cloning and closing, which work the same way. It is
// safe for concurrent use. The zero value is a closed handle.
type SyncSender[T any] struct {
	fl    sendFlavor[T]
	array *arrayChan[T] // fl again, for a direct call on the fast path
	cache entryCache[T]
	sendHandle
}

func newSyncSender[T any](fl sendFlavor[T]) *SyncSender[T] {
	s := &SyncSender[T]{fl: fl}
	s.array, _ = fl.(*arrayChan[T])
	track(s, &s.sendHandle, fl)
	return s
}

// Send puts v on the channel, blocking while it is full (for a rendezvous:
// until a receiver took v). It fails with a *SendError holding v when the
// receiver is closed, before or while Send waits (ErrDisconnected), or this
// handle is (ErrClosed).
func (s *SyncSender[T]) Send(v T) error {
	if s == nil || s.fl == nil {
		return &SendError[T]{Value: v, Err: ErrClosed}
	}
	pointSend("mpsc.Send", s.fl)
	if s.array != nil && !s.closed.Load() {
		// The fast path: there is room.
		if st := s.array.trySend(v); st != notReady {
			runtime.KeepAlive(s)
			return sendResult(v, st)
		}
	}
	err := s.sendBlocking(v, noContext, time.Time{})
	runtime.KeepAlive(s)
	return err
}

// TrySend puts v on the channel if that needs no waiting. It fails with a
// *SendError holding v and ErrFull when the buffer is full (for a
// rendezvous: when no receiver is waiting), ErrDisconnected when the
// receiver is closed, or ErrClosed when this handle is.
func (s *SyncSender[T]) TrySend(v T) error {
	if s == nil || s.fl == nil {
		return &SendError[T]{Value: v, Err: ErrClosed}
	}
	pointSend("mpsc.TrySend", s.fl)
	if s.closed.Load() {
		return &SendError[T]{Value: v, Err: ErrClosed}
	}
	st := s.fl.trySend(v)
	runtime.KeepAlive(s)
	switch st {
	case notReady:
		return &SendError[T]{Value: v, Err: ErrFull}
	case disconnected:
		return &SendError[T]{Value: v, Err: ErrDisconnected}
	}
	return nil
}

// SendTimeout is Send that gives up after d with ErrTimeout inside the
// *SendError. A d <= 0 tries once without waiting.
func (s *SyncSender[T]) SendTimeout(v T, d time.Duration) error {
	if s == nil || s.fl == nil {
		return &SendError[T]{Value: v, Err: ErrClosed}
	}
	pointSend("mpsc.SendTimeout", s.fl)
	err := s.sendBlocking(v, noContext, deadlineAfter(d))
	runtime.KeepAlive(s)
	return err
}

// SendContext is Send that gives up when ctx is done, with ctx.Err() inside
// the *SendError. A value that can go at once goes even if ctx is done. A
// nil ctx panics.
func (s *SyncSender[T]) SendContext(ctx context.Context, v T) error {
	needContext("SyncSender.SendContext", ctx)
	if s == nil || s.fl == nil {
		return &SendError[T]{Value: v, Err: ErrClosed}
	}
	pointSend("mpsc.SendContext", s.fl)
	err := s.sendBlocking(v, ctx, time.Time{})
	runtime.KeepAlive(s)
	return err
}

// Clone returns a new handle to the same channel; see Sender.Clone.
func (s *SyncSender[T]) Clone() *SyncSender[T] {
	if s == nil || s.fl == nil {
		return &SyncSender[T]{}
	}
	sched.Point("mpsc.Clone", s.fl)
	if !s.cloneable(s.fl) {
		c := &SyncSender[T]{fl: s.fl}
		c.closed.Store(true)
		return c
	}
	c := newSyncSender(s.fl)
	runtime.KeepAlive(s)
	return c
}

// Close drops this handle; see Sender.Close.
func (s *SyncSender[T]) Close() {
	if s == nil || s.fl == nil {
		return
	}
	pointSend("mpsc.Close", s.fl)
	s.close(s.fl)
}
