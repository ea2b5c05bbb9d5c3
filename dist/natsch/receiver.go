package natsch

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/nats-io/nats.go/jetstream"
)

// drainPoll is how often a receive whose senders are all gone asks the
// server whether values are still held elsewhere (by receivers of other
// processes, which may die and have them redelivered).
const drainPoll = 20 * time.Millisecond

// A Receiver is one receiving handle of a channel. Receivers of one
// channel, in any processes, share its values: each value goes to one of
// them. A Receiver's methods are safe to call from several goroutines at
// once, as mpsc.Receiver's are.
//
// A receiver fetches values ahead of Recv (up to 64, or for a rendezvous
// only while a receive waits) and renews the server's hold on them, so
// that they are redelivered elsewhere only if its process dies. A value is
// acknowledged as Recv returns it; a value whose acknowledgement was lost
// with its process may come once more, to another receiver.
//
// Close it when done. When the last receiver of the channel is closed (or
// lost its lease) the senders fail with mpsc.ErrDisconnected and the
// values still stored are dropped. The zero value is a closed handle.
type Receiver[T any] struct {
	l          *link
	codec      Codec[T]
	cons       jetstream.Consumer
	rendezvous bool
	bounded    bool

	mu       sync.Mutex
	buf      []held
	arrived  chan struct{} // closed and replaced when buf grows
	shrunk   chan struct{} // closed and replaced when buf shrinks
	demand   int           // receives waiting, for a rendezvous
	demandCh chan struct{} // closed and replaced when demand grows
	closed   bool

	closing    chan struct{}
	pullerDone chan struct{}
	acks       chan jetstream.Msg
	ackerDone  chan struct{}
}

// held is a value fetched and not yet handed to Recv.
type held struct {
	m  jetstream.Msg
	at time.Time // when its hold was last renewed
}

func newReceiver[T any](ctx context.Context, l *link, codec Codec[T]) (*Receiver[T], error) {
	cons, err := l.stream.Consumer(ctx, consumerName)
	if err != nil {
		return nil, fmt.Errorf("natsch: channel %q: %w", l.n.channel, err)
	}
	reg, _, _ := l.state()
	r := &Receiver[T]{
		l: l, codec: codec, cons: cons,
		rendezvous: reg.Bound == 0, bounded: reg.Bound > 0,
		arrived: make(chan struct{}), shrunk: make(chan struct{}), demandCh: make(chan struct{}),
		closing: make(chan struct{}), pullerDone: make(chan struct{}),
		acks: make(chan jetstream.Msg, prefetch), ackerDone: make(chan struct{}),
	}
	go r.pull()
	go r.ack()
	return r, nil
}

// Recv waits for a value and returns it. It returns mpsc.ErrDisconnected
// once every sender, in every process, is closed or lost its lease and
// every value sent was received, and mpsc.ErrClosed when this receiver is
// closed, before or while Recv waits.
func (r *Receiver[T]) Recv() (T, error) {
	return r.recv(context.Background(), nil, false)
}

// TryRecv returns a value this receiver holds now (for a rendezvous: the
// value of a sender waiting now) without waiting. A value stored a moment
// ago may not have reached this receiver yet. It returns mpsc.ErrEmpty when
// there is none, mpsc.ErrDisconnected when there is none and never will be,
// and mpsc.ErrClosed when the receiver is closed.
func (r *Receiver[T]) TryRecv() (T, error) {
	return r.recv(context.Background(), mpsc.ErrEmpty, false)
}

// RecvTimeout is Recv that gives up with mpsc.ErrTimeout after d. A d <= 0
// tries once without waiting.
func (r *Receiver[T]) RecvTimeout(d time.Duration) (T, error) {
	if d <= 0 {
		return r.recv(context.Background(), mpsc.ErrTimeout, false)
	}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return r.recv(ctx, nil, true)
}

// RecvContext is Recv that gives up with ctx.Err() when ctx is done. A
// value that is there at once is returned even if ctx is done.
func (r *Receiver[T]) RecvContext(ctx context.Context) (T, error) {
	return r.recv(ctx, nil, false)
}

func (r *Receiver[T]) recv(ctx context.Context, tryErr error, timeout bool) (T, error) {
	var zero T
	if r == nil || r.l == nil {
		return zero, mpsc.ErrClosed
	}
	wanted := false
	defer func() {
		if wanted {
			r.mu.Lock()
			r.demand--
			r.mu.Unlock()
		}
	}()
	for tried := false; ; {
		r.mu.Lock()
		if r.closed {
			r.mu.Unlock()
			return zero, mpsc.ErrClosed
		}
		if len(r.buf) > 0 {
			h := r.buf[0]
			r.buf[0] = held{}
			r.buf = r.buf[1:]
			close(r.shrunk)
			r.shrunk = make(chan struct{})
			if !r.rendezvous {
				r.acks <- h.m // under mu, so that Close cannot close acks meanwhile
			}
			r.mu.Unlock()
			if r.rendezvous && !r.take(h.m) {
				continue
			}
			return r.decode(h.m)
		}
		arrived := r.arrived
		if r.rendezvous && !wanted {
			wanted = true
			r.demand++
			close(r.demandCh)
			r.demandCh = make(chan struct{})
		}
		r.mu.Unlock()

		reg, out, changed := r.l.state()
		if out {
			return zero, mpsc.ErrDisconnected
		}
		var poll <-chan time.Time
		if reg.SendersGone {
			if r.drained(ctx) {
				return zero, mpsc.ErrDisconnected
			}
			poll = time.After(drainPoll)
		}
		if tryErr != nil {
			if r.rendezvous && !tried {
				tried = true
				r.fetchNow()
				continue
			}
			return zero, tryErr
		}
		select {
		case <-arrived:
		case <-changed:
		case <-poll:
		case <-r.closing:
		case <-ctx.Done():
			if timeout && errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return zero, mpsc.ErrTimeout
			}
			return zero, ctx.Err()
		}
	}
}

func (r *Receiver[T]) decode(m jetstream.Msg) (T, error) {
	v, err := r.codec.Decode(m.Data())
	if err != nil {
		var zero T
		return zero, fmt.Errorf("%w: %v", ErrDecode, err)
	}
	return v, nil
}

// drained reports whether the channel holds no value any more, here or in
// any process: nothing buffered, nothing stored.
func (r *Receiver[T]) drained(ctx context.Context) bool {
	info, err := r.l.stream.Info(ctx)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return true
	}
	if err != nil || info.State.Msgs > 0 {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.buf) == 0
}

// Iter returns an iterator over the values received until the channel
// disconnects (or the receiver is closed), like mpsc.Receiver.Iter.
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

// TryIter returns an iterator over the values this receiver holds now.
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

// Len returns the number of values stored and not yet received, in the
// whole channel (0 for a rendezvous, and when the server cannot be asked).
// It asks the server.
func (r *Receiver[T]) Len() int {
	if r == nil || r.l == nil || r.rendezvous {
		return 0
	}
	r.mu.Lock()
	closed := r.closed
	r.mu.Unlock()
	if closed {
		return 0
	}
	ctx, cancel := context.WithTimeout(context.Background(), attemptWait)
	defer cancel()
	info, err := r.l.stream.Info(ctx)
	if err != nil {
		return 0
	}
	return int(info.State.Msgs)
}

// Close drops this receiver: the values it fetched and did not hand out go
// back to the channel, for other receivers. When it was the channel's last
// receiver, every send, blocked or later, fails with mpsc.ErrDisconnected
// and hands its value back, and the values still stored are dropped.
// Receives by other goroutines on this handle return mpsc.ErrClosed.
// Close is idempotent.
func (r *Receiver[T]) Close() {
	if r == nil || r.l == nil {
		return
	}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return
	}
	r.closed = true
	buf := r.buf
	r.buf = nil
	close(r.closing)
	r.mu.Unlock()
	<-r.pullerDone
	for _, h := range buf {
		h.m.Nak()
	}
	close(r.acks)
	<-r.ackerDone
	r.l.release(false)
}

// String names the channel.
func (r *Receiver[T]) String() string {
	if r == nil || r.l == nil {
		return "natsch.Receiver(closed)"
	}
	return fmt.Sprintf("natsch.Receiver(%s)", r.l.n.channel)
}
