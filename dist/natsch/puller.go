package natsch

import (
	"time"

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
