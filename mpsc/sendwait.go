package mpsc

import (
	"context"
	"time"
)

// sendBlocking sends v on a bounded channel, waiting for room (or, for a
// rendezvous, for a receiver) until the channel disconnects, ctx is done or
// the deadline (zero: none) passes.
func (s *SyncSender[T]) sendBlocking(v T, ctx context.Context, deadline time.Time) error {
	fl := s.fl
	for {
		if s.closed.Load() {
			return &SendError[T]{Value: v, Err: ErrClosed}
		}
		st, e := fl.sendOrRegister(&s.cache, v)
		if st != notReady {
			return sendResult(v, st)
		}
		sel := e.w.wait(e.expect, sendYields, ctx, deadline)
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

// sendResult turns the outcome of a send that did not wait into Send's.
func sendResult[T any](v T, st status) error {
	switch st {
	case ok:
		return nil
	case disconnected:
		return &SendError[T]{Value: v, Err: ErrDisconnected}
	}
	return &SendError[T]{Value: v, Err: ErrFull}
}
