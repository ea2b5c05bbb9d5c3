package mpsc

import (
	"context"
	"time"

	"github.com/fearlessgo/fearless/internal/label"
)

// recvFlavor is what a Receiver (and a Select case) needs from a channel.
type recvFlavor[T any] interface {
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
	closeReceiver()
	labelOf() *label.Label
}

// sendFlavor is what a SyncSender needs from a bounded channel.
type sendFlavor[T any] interface {
	trySend(v T) status
	// sendOrRegister sends if it can now, and otherwise registers an entry
	// from cache holding v and returns it with notReady: the caller may
	// then wait on it at once.
	sendOrRegister(cache *entryCache[T], v T) (status, *entry[T])
	unregisterSend(w *waiter)
	// acceptSend completes a send of v after e was selected.
	acceptSend(e *entry[T], v T) status
	counter() *refs
	closeSenders()
	waking
}

// recvBlocking receives, waiting until a value comes, the channel
// disconnects, the receiver is closed, ctx is done or the deadline (zero:
// none) passes.
func recvBlocking[T any](r *Receiver[T], ctx context.Context, deadline time.Time) (T, error) {
	var zero T
	fl := r.fl
	for {
		if r.closed.Load() {
			return zero, ErrClosed
		}
		v, st, e := fl.recvOrRegister(&r.cache)
		if st != notReady {
			return r.result(v, st)
		}
		if r.closed.Load() {
			e.w.trySelect(e.expect, selAborted)
		}
		if sel := e.w.wait(e.expect, waitYields, ctx, deadline); sel >= selOperation {
			v, st := fl.acceptRecv(e)
			r.cache.put(e)
			if st != notReady {
				return r.result(v, st)
			}
			continue
		}
		fl.unregisterRecv(e.w)
		r.cache.put(e)
		if err := expired(ctx, deadline); err != nil {
			return zero, err
		}
	}
}

// sendBlocking sends v on a bounded channel, waiting for room (or, for a
// rendezvous, for a receiver) until the channel disconnects, ctx is done or
// the deadline (zero: none) passes.
func sendBlocking[T any](s *SyncSender[T], v T, ctx context.Context, deadline time.Time) error {
	fl := s.fl
	for {
		if s.closed.Load() {
			return &SendError[T]{Value: v, Err: ErrClosed}
		}
		st, e := fl.sendOrRegister(&s.cache, v)
		if st != notReady {
			return sendResult(v, st)
		}
		sel := e.w.wait(e.expect, s.yields(), ctx, deadline)
		if sel == selHanded {
			sel = e.w.waitHanded(e.expect) // no timeout can take it back now
		}
		if sel == selSent {
			s.cache.put(e) // a receiver sent v for us
			return nil
		}
		if sel >= selOperation {
			st := fl.acceptSend(e, v)
			s.cache.put(e)
			if st != notReady {
				return sendResult(v, st)
			}
			continue
		}
		fl.unregisterSend(e.w)
		s.cache.put(e)
		if err := expired(ctx, deadline); err != nil {
			return &SendError[T]{Value: v, Err: err}
		}
	}
}

func sendResult[T any](v T, st status) error {
	switch st {
	case ok:
		return nil
	case disconnected:
		return &SendError[T]{Value: v, Err: ErrDisconnected}
	}
	return &SendError[T]{Value: v, Err: ErrFull}
}
