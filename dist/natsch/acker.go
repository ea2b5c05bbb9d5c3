package natsch

import (
	"context"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ackers is how many acknowledgements a receiver has in flight at once:
// each waits for the server's confirmation, and one at a time would let
// the values handed out run ahead of them, past the server's ack wait.
const ackers = 8

// ack acknowledges each value handed out, waiting for the server to
// confirm, so that a value is not redelivered after Recv returned it. On
// a bounded channel it then says that room was freed.
func (r *Receiver[T]) ack() {
	defer close(r.ackerDone)
	var wg sync.WaitGroup
	for range ackers {
		wg.Go(func() {
			for m := range r.acks {
				ackOne(m)
				if r.bounded && len(r.acks) == 0 {
					r.l.nc.Publish(r.l.n.room, nil)
				}
			}
		})
	}
	wg.Wait()
}

// ackGiveUp bounds how long an acknowledgement is retried while the server
// is out of reach; after it the value may be redelivered once.
const ackGiveUp = 30 * time.Second

func ackOne(m jetstream.Msg) {
	deadline := time.Now().Add(ackGiveUp)
	for wait := time.Millisecond; time.Now().Before(deadline); wait = min(2*wait, 100*time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), attemptWait)
		err := m.DoubleAck(ctx)
		cancel()
		if err == nil || err == nats.ErrConnectionClosed {
			return
		}
		time.Sleep(wait)
	}
}
