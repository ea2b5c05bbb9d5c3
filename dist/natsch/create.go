package natsch

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// setupWait bounds the round trips of Channel and SyncChannel, which take
// no context.
const setupWait = 30 * time.Second

// dedupWindow is how long the server remembers a message id, and so how
// long a Send may keep retrying one publish without risk of a duplicate.
const dedupWindow = 2 * time.Minute

// Channel creates the unbounded channel name in JetStream and returns its
// first sender and its first receiver. Other processes join it with
// OpenSender and OpenReceiver. It fails with ErrInUse when a channel of
// that name still has handles; a finished channel of that name (both sides
// gone) is replaced.
func Channel[T any](js jetstream.JetStream, name string, opts ...Option) (*Sender[T], *Receiver[T], error) {
	l, codec, err := create[T](js, name, -1, opts)
	if err != nil {
		return nil, nil, err
	}
	rx, err := newReceiver(context.Background(), l, codec)
	if err != nil {
		return nil, nil, err
	}
	return newSender(l, codec), rx, nil
}

// SyncChannel creates the bounded channel name, which holds at most bound
// values sent and not yet received; see Channel. With bound 0 it is a
// rendezvous: a send returns once a receiver took its value. A negative
// bound panics.
func SyncChannel[T any](js jetstream.JetStream, name string, bound int, opts ...Option) (*SyncSender[T], *Receiver[T], error) {
	if bound < 0 {
		panic(fmt.Sprintf("natsch: SyncChannel bound must be >= 0, got %d", bound))
	}
	l, codec, err := create[T](js, name, bound, opts)
	if err != nil {
		return nil, nil, err
	}
	rx, err := newReceiver(context.Background(), l, codec)
	if err != nil {
		return nil, nil, err
	}
	return newSyncSender(l, codec), rx, nil
}

func create[T any](js jetstream.JetStream, name string, bound int, opts []Option) (*link, Codec[T], error) {
	n, err := namesOf(name)
	if err != nil {
		return nil, nil, err
	}
	cfg := configure(opts)
	codec, err := codecOf[T](cfg)
	if err != nil {
		return nil, nil, err
	}
	if cfg.lease == 0 {
		cfg.lease = DefaultLease
	}
	ctx, cancel := context.WithTimeout(context.Background(), setupWait)
	defer cancel()
	wrap := func(err error) error { return fmt.Errorf("natsch: channel %q: %w", name, err) }
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket: n.bucket, Storage: jetstream.FileStorage, History: 1,
	})
	if err != nil {
		return nil, nil, wrap(err)
	}
	var oldRev uint64
	if e, err := kv.Get(ctx, regKey); err == nil {
		old, err := decodeRegistry(e.Value())
		if err == nil && !old.finished() {
			return nil, nil, wrap(ErrInUse)
		}
		oldRev = e.Revision()
	} else if !errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, nil, wrap(err)
	}
	if err := js.DeleteStream(ctx, n.stream); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, nil, wrap(err)
	}
	sc := jetstream.StreamConfig{
		Name:       n.stream,
		Subjects:   []string{n.subject},
		Retention:  jetstream.WorkQueuePolicy,
		Storage:    jetstream.FileStorage,
		Duplicates: dedupWindow,
		MaxMsgs:    -1,
		Discard:    jetstream.DiscardNew,
	}
	if bound > 0 {
		sc.MaxMsgs = int64(bound)
	}
	stream, err := js.CreateStream(ctx, sc)
	if err != nil {
		return nil, nil, wrap(err)
	}
	if _, err := stream.CreateOrUpdateConsumer(ctx, consumerConfig(cfg.lease)); err != nil {
		return nil, nil, wrap(err)
	}
	l := newLink(js, n, kv, cfg.lease)
	l.stream = stream
	reg := registry{Bound: bound, Lease: cfg.lease, Links: map[string]linkEntry{
		l.id: {Lease: cfg.lease, Senders: 1, Receivers: 1},
	}}
	if _, err := kv.Put(ctx, hbPrefix+l.id, nil); err != nil {
		return nil, nil, wrap(err)
	}
	var rev uint64
	if oldRev == 0 {
		rev, err = kv.Create(ctx, regKey, reg.encode())
	} else {
		rev, err = kv.Update(ctx, regKey, reg.encode(), oldRev)
	}
	if errors.Is(err, jetstream.ErrKeyExists) || errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
		return nil, nil, wrap(ErrInUse)
	}
	if err != nil {
		return nil, nil, wrap(err)
	}
	l.reg, l.rev = reg, rev
	l.senders, l.receivers = 1, 1
	if err := l.start(); err != nil {
		return nil, nil, err
	}
	return l, codec, nil
}

// consumerConfig is the one consumer all receivers share. A value handed
// to a receiver is redelivered when the receiver did not acknowledge it
// within the lease: receivers renew the values they hold meanwhile.
func consumerConfig(lease time.Duration) jetstream.ConsumerConfig {
	return jetstream.ConsumerConfig{
		Durable:       consumerName,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       lease,
		MaxAckPending: 100_000,
		MaxWaiting:    4096,
	}
}

// open joins the existing channel name with a new link holding the given
// handles.
func open[T any](ctx context.Context, js jetstream.JetStream, name string, opts []Option, senders, receivers int, wantBound func(int) bool) (*link, Codec[T], error) {
	n, err := namesOf(name)
	if err != nil {
		return nil, nil, err
	}
	cfg := configure(opts)
	codec, err := codecOf[T](cfg)
	if err != nil {
		return nil, nil, err
	}
	wrap := func(err error) error { return fmt.Errorf("natsch: channel %q: %w", name, err) }
	kv, err := js.KeyValue(ctx, n.bucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return nil, nil, wrap(ErrNoChannel)
	} else if err != nil {
		return nil, nil, wrap(err)
	}
	e, err := kv.Get(ctx, regKey)
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrBucketNotFound) {
		return nil, nil, wrap(ErrNoChannel)
	} else if err != nil {
		return nil, nil, wrap(err)
	}
	reg, err := decodeRegistry(e.Value())
	if err != nil {
		return nil, nil, wrap(err)
	}
	if !wantBound(reg.Bound) {
		return nil, nil, wrap(ErrKind)
	}
	if cfg.lease == 0 {
		cfg.lease = reg.Lease
	}
	stream, err := js.Stream(ctx, n.stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, nil, wrap(ErrNoChannel)
	} else if err != nil {
		return nil, nil, wrap(err)
	}
	l := newLink(js, n, kv, cfg.lease)
	l.stream = stream
	if err := l.join(ctx, senders, receivers); err != nil {
		return nil, nil, err
	}
	return l, codec, nil
}

// OpenSender joins the unbounded channel name, made by Channel in any
// process, with one more counted sender. It fails with ErrNoChannel when
// there is no such channel, ErrKind when it is bounded, and
// mpsc.ErrDisconnected when its senders are all gone already.
func OpenSender[T any](ctx context.Context, js jetstream.JetStream, name string, opts ...Option) (*Sender[T], error) {
	l, codec, err := open[T](ctx, js, name, opts, 1, 0, func(b int) bool { return b < 0 })
	if err != nil {
		return nil, err
	}
	return newSender(l, codec), nil
}

// OpenSyncSender joins the bounded channel name with one more counted
// sender; see OpenSender.
func OpenSyncSender[T any](ctx context.Context, js jetstream.JetStream, name string, opts ...Option) (*SyncSender[T], error) {
	l, codec, err := open[T](ctx, js, name, opts, 1, 0, func(b int) bool { return b >= 0 })
	if err != nil {
		return nil, err
	}
	return newSyncSender(l, codec), nil
}

// OpenReceiver joins the channel name, of any kind, with one more
// receiver. Receivers share the values: each goes to one of them. It fails
// with ErrNoChannel when there is no such channel and mpsc.ErrDisconnected
// when its receivers are all gone already.
func OpenReceiver[T any](ctx context.Context, js jetstream.JetStream, name string, opts ...Option) (*Receiver[T], error) {
	l, codec, err := open[T](ctx, js, name, opts, 0, 1, func(int) bool { return true })
	if err != nil {
		return nil, err
	}
	rx, err := newReceiver(ctx, l, codec)
	if err != nil {
		l.release(false)
		return nil, err
	}
	return rx, nil
}
