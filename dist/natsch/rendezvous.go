package natsch

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// A rendezvous value is taken by deleting it from the stream: a receiver
// takes it, or its sender takes it back when it gives up, and the server
// lets exactly one of the two deletions succeed. The receiver that took it
// tells the sender on the subject in the value's takenHeader; a sender that
// missed the notice sees the value gone when it looks, every takenPoll.
const (
	takenHeader = "Fch-Taken"
	takenPoll   = 200 * time.Millisecond
	// tryGrace is how long TrySend leaves a waiting receiver to take its
	// value before taking it back.
	tryGrace = 500 * time.Millisecond
)

// takers is a link's table of rendezvous values waiting to be taken.
type takers struct {
	once    sync.Once
	subject string
	sub     *nats.Subscription
	mu      sync.Mutex
	waiting map[uint64]chan struct{}
}

func (l *link) takenSubject() string {
	t := &l.takers
	t.once.Do(func() {
		t.subject = nats.NewInbox()
		t.waiting = map[uint64]chan struct{}{}
		t.sub, _ = l.nc.Subscribe(t.subject, func(m *nats.Msg) {
			seq, err := strconv.ParseUint(string(m.Data), 10, 64)
			if err != nil {
				return
			}
			t.mu.Lock()
			if ch, ok := t.waiting[seq]; ok {
				close(ch)
				delete(t.waiting, seq)
			}
			t.mu.Unlock()
		})
	})
	return t.subject
}

func (l *link) expectTaken(seq uint64) (<-chan struct{}, func()) {
	t := &l.takers
	ch := make(chan struct{})
	t.mu.Lock()
	t.waiting[seq] = ch
	t.mu.Unlock()
	return ch, func() {
		t.mu.Lock()
		delete(t.waiting, seq)
		t.mu.Unlock()
	}
}

// receiverWaiting reports whether some receiver has a pull request waiting
// at the server: on a rendezvous channel receivers ask only while a
// receive waits.
func (l *link) receiverWaiting(ctx context.Context) bool {
	c, err := l.stream.Consumer(ctx, consumerName)
	return err == nil && c.CachedInfo().NumWaiting > 0
}

// awaitTaken waits until a receiver took the rendezvous value v, stored at
// seq, or takes it back when the receivers are gone, the handle closes,
// ctx ends, or (for TrySend) the grace is over.
func (c *sendCore[T]) awaitTaken(ctx context.Context, v T, seq uint64, tryErr error, ctxErr func() error) error {
	taken, forget := c.l.expectTaken(seq)
	defer forget()
	var grace <-chan time.Time
	if tryErr != nil {
		t := time.NewTimer(tryGrace)
		defer t.Stop()
		grace = t.C
	}
	poll := time.NewTicker(takenPoll)
	defer poll.Stop()
	for {
		reg, out, changed := c.l.state()
		if reg.ReceiversGone || out {
			return c.takeBack(v, seq, mpsc.ErrDisconnected)
		}
		select {
		case <-taken:
			return nil
		case <-changed:
		case <-poll.C:
			if c.l.gone(ctx, seq) {
				return nil
			}
		case <-grace:
			return c.takeBack(v, seq, tryErr)
		case <-c.closing:
			return c.takeBack(v, seq, mpsc.ErrClosed)
		case <-ctx.Done():
			return c.takeBack(v, seq, ctxErr())
		}
	}
}

// takeBack deletes the value at seq: when that succeeds no receiver took
// it, and the send fails with why; when the value is gone, a receiver took
// it and the send succeeded after all.
func (c *sendCore[T]) takeBack(v T, seq uint64, why error) error {
	ctx, cancel := context.WithTimeout(context.Background(), releaseWait)
	defer cancel()
	switch l := c.l; l.take(ctx, seq) {
	case nil:
		return &mpsc.SendError[T]{Value: v, Err: why}
	case jetstream.ErrMsgNotFound:
		return nil
	case jetstream.ErrStreamNotFound:
		// The channel was removed: no one can have received v.
		return &mpsc.SendError[T]{Value: v, Err: why}
	default:
		return &mpsc.SendError[T]{Value: v, Err: ctx.Err()}
	}
}

// take deletes the message at seq, retrying while the server is out of
// reach. It returns nil when this call deleted it, ErrMsgNotFound when it
// was gone already, ErrStreamNotFound when the channel is.
func (l *link) take(ctx context.Context, seq uint64) error {
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		err := l.stream.DeleteMsg(ctx, seq)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, jetstream.ErrMsgNotFound):
			return jetstream.ErrMsgNotFound
		case errors.Is(err, jetstream.ErrStreamNotFound):
			return jetstream.ErrStreamNotFound
		}
		var apiErr *jetstream.APIError
		if errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeMessageNotFound {
			return jetstream.ErrMsgNotFound
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// gone reports whether the message at seq is no longer stored.
func (l *link) gone(ctx context.Context, seq uint64) bool {
	_, err := l.stream.GetMsg(ctx, seq)
	return errors.Is(err, jetstream.ErrMsgNotFound)
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
