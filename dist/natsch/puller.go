package natsch

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// prefetch is how many values a receiver holds ahead of Recv.
const prefetch = 64

// pullWait bounds one pull request, so that held values are renewed in
// time and Close is not kept waiting long. A pull request is not cancelled:
// the server ends it, so that no value it sent is left unread (to be
// redelivered only after the ack wait, out of order).
func (r *Receiver[T]) pullWait() time.Duration { return min(250*time.Millisecond, r.l.lease/4) }

// pull fetches values into buf: ahead of Recv up to prefetch, or for a
// rendezvous one for each receive waiting.
func (r *Receiver[T]) pull() {
	defer close(r.pullerDone)
	renew := time.NewTicker(r.l.lease / 4)
	defer renew.Stop()
	for wait := time.Millisecond; ; {
		r.mu.Lock()
		n := prefetch - len(r.buf)
		if r.rendezvous {
			n = r.demand - len(r.buf)
		}
		shrunk, demand := r.shrunk, r.demandCh
		r.mu.Unlock()
		if n <= 0 {
			select {
			case <-shrunk:
			case <-demand:
			case <-renew.C:
				r.renew()
			case <-r.closing:
				return
			}
			continue
		}
		batch, err := r.cons.Fetch(n, jetstream.FetchMaxWait(r.pullWait()))
		if err == nil {
			for m := range batch.Messages() {
				r.hold(m)
			}
			err = batch.Error()
		}
		select {
		case <-r.closing:
			return
		case <-renew.C:
			r.renew()
		default:
		}
		if err != nil {
			// The server is out of reach: wait a little, more each time.
			select {
			case <-time.After(wait):
			case <-r.closing:
				return
			}
			wait = min(2*wait, 100*time.Millisecond)
		} else {
			wait = time.Millisecond
		}
	}
}

// hold puts a fetched value in buf, or back when the receiver is closed.
func (r *Receiver[T]) hold(m jetstream.Msg) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		m.Nak()
		return
	}
	r.buf = append(r.buf, held{m: m, at: time.Now()})
	close(r.arrived)
	r.arrived = make(chan struct{})
}

// renew tells the server that values held for a while are still being
// worked on, so that it does not redeliver them elsewhere.
func (r *Receiver[T]) renew() {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	for i := range r.buf {
		if now.Sub(r.buf[i].at) > r.l.lease/4 {
			r.buf[i].m.InProgress()
			r.buf[i].at = now
		}
	}
}

// fetchNow looks once, without waiting, for a rendezvous value.
func (r *Receiver[T]) fetchNow() {
	batch, err := r.cons.FetchNoWait(1)
	if err != nil {
		return
	}
	for m := range batch.Messages() {
		r.hold(m)
	}
}

// take claims a rendezvous value by deleting it: false when its sender took
// it back first (or the server cannot be reached, when it goes back).
func (r *Receiver[T]) take(m jetstream.Msg) bool {
	meta, err := m.Metadata()
	if err != nil {
		m.Term()
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), r.pullWait()+attemptWait)
	defer cancel()
	seq := meta.Sequence.Stream
	switch r.l.take(ctx, seq) {
	case nil:
		m.Ack()
		if subj := m.Headers().Get(takenHeader); subj != "" {
			r.l.nc.Publish(subj, []byte(strconv.FormatUint(seq, 10)))
		}
		return true
	case jetstream.ErrMsgNotFound, jetstream.ErrStreamNotFound:
		m.Ack()
	default:
		m.Nak()
	}
	return false
}

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
