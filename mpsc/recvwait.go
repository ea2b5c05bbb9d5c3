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
