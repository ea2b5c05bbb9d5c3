package natsch

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/nats-io/nats.go"
)

// roomPoll bounds how long a send blocked on a full channel waits before
// it tries again without having heard that room was freed: the notice is
// core NATS, which a reconnect may lose.
const roomPoll = 100 * time.Millisecond

// A sendCore is one sender handle, of either kind. Each message it sends
// carries the id <handle>-<n>, so that a publish retried after a lost
// answer is stored once.
type sendCore[T any] struct {
	l     *link
	codec Codec[T]
	id    string
	seq   atomic.Uint64

	mu       sync.Mutex
	closed   bool
	closing  chan struct{}
	inflight sync.WaitGroup
}

var handles atomic.Uint64

func newCore[T any](l *link, codec Codec[T]) *sendCore[T] {
	return &sendCore[T]{
		l: l, codec: codec, closing: make(chan struct{}),
		id: l.id + "." + strconv.FormatUint(handles.Add(1), 36),
	}
}

func (c *sendCore[T]) begin() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return false
	}
	c.inflight.Add(1)
	return true
}

// clone returns a new handle on the same link, or nil when this one is
// closed or the channel lost its senders.
func (c *sendCore[T]) clone() *sendCore[T] {
	if c == nil || c.l == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if reg, out, _ := c.l.state(); c.closed || out || reg.SendersGone {
		return nil
	}
	c.l.acquire(true)
	return newCore(c.l, c.codec)
}

// close waits for the handle's sends in flight (blocked ones return
// ErrClosed) and releases it.
func (c *sendCore[T]) close() {
	if c == nil || c.l == nil {
		return
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	close(c.closing)
	c.mu.Unlock()
	c.inflight.Wait()
	c.l.release(true)
}

// collected closes a handle that the garbage collector found unreachable:
// on a goroutine of its own, since closing may wait for the server.
func (c *sendCore[T]) collected() { go c.close() }

// send sends v. With tryErr nil it waits while the channel is full (and,
// for a rendezvous, until a receiver took v), until ctx ends; otherwise it
// fails with tryErr instead of waiting. timeout says that ctx's deadline is
// SendTimeout's, reported as ErrTimeout.
func (c *sendCore[T]) send(ctx context.Context, v T, tryErr error, timeout bool) error {
	fail := func(err error) error { return &mpsc.SendError[T]{Value: v, Err: err} }
	if c == nil || c.l == nil || !c.begin() {
		return fail(mpsc.ErrClosed)
	}
	defer c.inflight.Done()
	ctxErr := func() error {
		if timeout && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return mpsc.ErrTimeout
		}
		return ctx.Err()
	}
	if tryErr == nil && ctx.Err() != nil {
		// A value that can go at once goes even if ctx is done.
		tryErr = ctxErr()
		ctx = context.WithoutCancel(ctx)
	}
	reg, out, _ := c.l.state()
	if reg.ReceiversGone || out {
		return fail(mpsc.ErrDisconnected)
	}
	data, err := c.codec.Encode(v)
	if err != nil {
		return fail(err)
	}
	msg := &nats.Msg{Subject: c.l.n.subject, Data: data}
	rendezvous := reg.Bound == 0
	if rendezvous {
		if tryErr != nil && !c.l.receiverWaiting(ctx) {
			return fail(tryErr)
		}
		msg.Header = nats.Header{takenHeader: []string{c.l.takenSubject()}}
	}
	id := c.id + "-" + strconv.FormatUint(c.seq.Add(1), 36)
	for {
		room := c.l.roomChan()
		if reg, out, _ := c.l.state(); reg.ReceiversGone || out {
			return fail(mpsc.ErrDisconnected)
		}
		seq, res, err := c.l.publish(ctx, msg, id)
		switch res {
		case stored:
			if rendezvous {
				return c.awaitTaken(ctx, v, seq, tryErr, ctxErr)
			}
			return nil
		case missing:
			return fail(mpsc.ErrDisconnected)
		case gaveUp:
			if rendezvous {
				// v may be stored: publishing its id again gives its
				// sequence, to take it back by.
				rctx, cancel := context.WithTimeout(context.Background(), releaseWait)
				seq, res, _ := c.l.publish(rctx, msg, id)
				cancel()
				if res == stored {
					return c.takeBack(v, seq, ctxErr())
				}
			}
			return fail(ctxErr())
		case failed:
			return fail(err)
		}
		// Full.
		if tryErr != nil {
			return fail(tryErr)
		}
		if err := c.awaitRoom(ctx, room, ctxErr); err != nil {
			return fail(err)
		}
	}
}

// awaitRoom waits until a receiver may have freed room: a notice, a change
// of the registry, or roomPoll.
func (c *sendCore[T]) awaitRoom(ctx context.Context, room <-chan struct{}, ctxErr func() error) error {
	reg, out, changed := c.l.state()
	if reg.ReceiversGone || out {
		return mpsc.ErrDisconnected
	}
	t := time.NewTimer(roomPoll)
	defer t.Stop()
	select {
	case <-room:
	case <-changed:
	case <-t.C:
	case <-c.closing:
		return mpsc.ErrClosed
	case <-ctx.Done():
		return ctxErr()
	}
	return nil
}
