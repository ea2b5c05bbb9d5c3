package mpsc

import (
	"context"
	"iter"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/internal/backoff"
	"github.com/fearlessgo/fearless/internal/sched"
)

// A Receiver is the receiving side of a channel. There is one per channel,
// but its methods are safe to call from several goroutines at once: each
// value goes to exactly one of them, as with a worker pool sharing a queue.
//
// Close it when done: senders then fail with ErrDisconnected, blocked ones
// included, and the values still buffered are dropped. A Receiver that
// becomes unreachable without Close is closed when the garbage collector
// finds it, so blocked senders do not wait forever; an explicit Close is
// still the way. The zero value is a closed handle.
type Receiver[T any] struct {
	fl        recvFlavor[T]
	array     *arrayChan[T] // fl again, for a direct call on the fast path
	list      *listChan[T]  // likewise
	closed    atomic.Bool
	cache     entryCache[T]
	selecting waiterCache // for the Selects whose first case is on it
	cleanup   runtime.Cleanup
}

func newReceiver[T any](fl recvFlavor[T]) *Receiver[T] {
	r := &Receiver[T]{fl: fl}
	r.array, _ = fl.(*arrayChan[T])
	r.list, _ = fl.(*listChan[T])
	r.cleanup = runtime.AddCleanup(r, closeReceiver[T], fl)
	return r
}

// Recv waits for a value and returns it. It returns ErrDisconnected once
// every sender handle is closed and every value sent was received, and
// ErrClosed when the receiver is closed, before or while Recv waits.
func (r *Receiver[T]) Recv() (T, error) {
	if r == nil || r.fl == nil {
		var zero T
		return zero, ErrClosed
	}
	sched.Point("mpsc.Recv", r.fl)
	if !r.closed.Load() {
		// The fast path: a value is there.
		var v T
		st := notReady
		if r.array != nil {
			v, st = r.array.tryRecv()
		} else if r.list != nil {
			v, st = r.list.tryRecv()
		}
		if st == ok {
			return v, nil
		}
	}
	v, err := r.recvBlocking(noContext, time.Time{})
	runtime.KeepAlive(r)
	return v, err
}

// TryRecv returns a buffered value (for a rendezvous channel: the value of
// a sender waiting now) without waiting. It returns ErrEmpty when there is
// none, ErrDisconnected when there is none and never will be, and ErrClosed
// when the receiver is closed.
func (r *Receiver[T]) TryRecv() (T, error) {
	return r.recv("mpsc.TryRecv", noContext, past)
}

// RecvTimeout is Recv that gives up with ErrTimeout after d. A d <= 0 tries
// once without waiting.
func (r *Receiver[T]) RecvTimeout(d time.Duration) (T, error) {
	return r.recv("mpsc.RecvTimeout", noContext, deadlineAfter(d))
}

// RecvContext is Recv that gives up with ctx.Err() when ctx is done. A value
// that is there at once is returned even if ctx is done. A nil ctx panics.
func (r *Receiver[T]) RecvContext(ctx context.Context) (T, error) {
	needContext("Receiver.RecvContext", ctx)
	return r.recv("mpsc.RecvContext", ctx, time.Time{})
}

func (r *Receiver[T]) recv(op sched.Op, ctx context.Context, deadline time.Time) (T, error) {
	if r != nil && r.fl != nil {
		sched.Point(op, r.fl)
	}
	if deadline.Equal(past) {
		return r.tryRecv(op == "mpsc.TryRecv")
	}
	return r.recvSlow(ctx, deadline)
}

// tryRecv receives without waiting; empty is ErrEmpty for TryRecv and
// ErrTimeout for a receive whose timeout is over before it starts.
func (r *Receiver[T]) tryRecv(isTry bool) (T, error) {
	var zero T
	if r == nil || r.fl == nil || r.closed.Load() {
		return zero, ErrClosed
	}
	v, st := r.fl.tryRecv()
	if st == notReady {
		if isTry {
			return zero, ErrEmpty
		}
		return zero, ErrTimeout
	}
	return r.result(v, st)
}

// recvSlow is a receive that may wait, after sched.Point.
func (r *Receiver[T]) recvSlow(ctx context.Context, deadline time.Time) (T, error) {
	var zero T
	if r == nil || r.fl == nil {
		return zero, ErrClosed
	}
	v, err := r.recvBlocking(ctx, deadline) // which fails for a closed r
	runtime.KeepAlive(r)
	return v, err
}

// result turns the outcome of a receive that did not wait into Recv's.
func (r *Receiver[T]) result(v T, st status) (T, error) {
	if st == ok {
		return v, nil
	}
	var zero T
	if r.closed.Load() {
		return zero, ErrClosed
	}
	return zero, ErrDisconnected
}

// Iter returns an iterator over the values received, in order, until the
// channel disconnects (or the receiver is closed), like Rust's rx.iter():
//
//	for v := range rx.Iter() { ... }
//
// Breaking out of the loop leaves the rest on the channel.
func (r *Receiver[T]) Iter() iter.Seq[T] {
	return func(yield func(T) bool) {
		for {
			v, err := r.Recv()
			if err != nil || !yield(v) {
				return
			}
		}
	}
}

// TryIter returns an iterator over the values buffered now: it stops, rather
// than waits, when the channel is empty.
func (r *Receiver[T]) TryIter() iter.Seq[T] {
	return func(yield func(T) bool) {
		for {
			v, err := r.TryRecv()
			if err != nil || !yield(v) {
				return
			}
		}
	}
}

// Len returns the number of values buffered now (always 0 for a rendezvous
// channel); others may change it at once.
func (r *Receiver[T]) Len() int {
	if r == nil || r.fl == nil || r.closed.Load() {
		return 0
	}
	return r.fl.len()
}

// Close drops the receiver: every send, blocked or later, fails with
// ErrDisconnected and hands its value back, and the values still buffered
// are dropped, so the channel keeps no reference to them. Receives by other
// goroutines, blocked or later, return ErrClosed. Close is idempotent.
func (r *Receiver[T]) Close() {
	if r == nil || r.fl == nil {
		return
	}
	sched.Point("mpsc.Close", r.fl)
	if r.closed.CompareAndSwap(false, true) {
		r.cleanup.Stop()
		closeReceiver(r.fl)
	}
}

// closeReceiver disconnects fl and drops every buffered message, waiting
// for sends already past the disconnection to land: they do not block. It
// is also the cleanup of a Receiver dropped without Close.
func closeReceiver[T any](fl recvFlavor[T]) {
	fl.disconnect()
	var b backoff.Backoff
	for {
		switch _, st := fl.tryRecv(); st {
		case disconnected:
			return
		case notReady:
			b.Snooze()
		}
	}
}
