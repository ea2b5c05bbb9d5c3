package mpsc

import (
	"context"
	"time"
)

// recvBlocking receives, waiting until a value comes, the channel
// disconnects, the receiver is closed, ctx is done or the deadline (zero:
// none) passes.
func (r *Receiver[T]) recvBlocking(ctx context.Context, deadline time.Time) (T, error) {
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
		if sel := e.w.wait(e.expect, r.yields(), ctx, deadline); sel >= selOperation {
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

// yields is how many times a blocked Recv yields before it parks. On a
// bounded channel the sender it waits for is often one that its last
// receive woke by making room, queued on this very processor, which a
// yield lets run. Senders on an unbounded channel never block, so no
// receive wakes one: a yield there only takes the processor from a sender
// that would run, or hands it to another blocked receiver that yields in
// turn, as a pool's workers do. So its receiver parks at once.
func (r *Receiver[T]) yields() int {
	if r.list != nil {
		return 0
	}
	return waitYields
}
