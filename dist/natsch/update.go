package natsch

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// refresh reads the registry. A channel that was removed reads as one
// whose both sides are gone.
func (l *link) refresh(ctx context.Context) error {
	e, err := l.kv.Get(ctx, regKey)
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrBucketNotFound) {
		l.mu.Lock()
		r := l.reg.clone()
		r.SendersGone, r.ReceiversGone = true, true
		l.setLocked(r, ^uint64(0))
		l.mu.Unlock()
		return nil
	}
	if err != nil {
		return err
	}
	r, err := decodeRegistry(e.Value())
	if err != nil {
		return fmt.Errorf("natsch: channel %q: registry: %w", l.n.channel, err)
	}
	l.mu.Lock()
	l.setLocked(r, e.Revision())
	l.mu.Unlock()
	return nil
}

// setLocked installs a newer registry and wakes whoever waits on a change.
func (l *link) setLocked(r registry, rev uint64) {
	if rev <= l.rev && l.rev != 0 {
		return
	}
	l.reg, l.rev = r, rev
	if _, ok := r.Links[l.id]; !ok && (l.senders > 0 || l.receivers > 0) {
		l.out = true // reaped: this process lost its lease
	}
	close(l.changed)
	l.changed = make(chan struct{})
}

// update applies f to the registry by compare-and-set, retrying on
// conflict and while the server is out of reach, until ctx ends. It
// returns the registry before and after, and does what a change of sides
// calls for: the values are purged once the receivers are gone, and the
// channel removed once both sides are.
func (l *link) update(ctx context.Context, f func(*registry) error) (before, after registry, err error) {
	for wait := time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		l.mu.Lock()
		before, rev := l.reg.clone(), l.rev
		l.mu.Unlock()
		if rev == ^uint64(0) {
			return before, before, fmt.Errorf("natsch: channel %q: %w", l.n.channel, ErrNoChannel)
		}
		after = before.clone()
		if err := f(&after); err != nil {
			return before, before, err
		}
		after.settle()
		newRev, err := l.kv.Update(ctx, regKey, after.encode(), rev)
		if err == nil {
			l.mu.Lock()
			l.setLocked(after, newRev)
			l.mu.Unlock()
			l.nc.Publish(l.n.events, nil)
			l.afterChange(ctx, before, after)
			return before, after, nil
		}
		if errors.Is(err, jetstream.ErrKeyRevisionMismatch) || errors.Is(err, jetstream.ErrKeyExists) {
			if err := l.refresh(ctx); err != nil && ctx.Err() != nil {
				return before, before, err
			}
			continue
		}
		if errors.Is(err, jetstream.ErrBucketNotFound) || errors.Is(err, jetstream.ErrStreamNotFound) {
			l.refresh(ctx)
			continue
		}
		select {
		case <-ctx.Done():
			return before, before, fmt.Errorf("natsch: channel %q: %w", l.n.channel, err)
		case <-time.After(wait):
			l.refresh(ctx)
		}
	}
}

func (l *link) afterChange(ctx context.Context, before, after registry) {
	switch {
	case after.finished() && !before.finished():
		l.js.DeleteStream(ctx, l.n.stream)
		l.js.DeleteKeyValue(ctx, l.n.bucket)
	case after.ReceiversGone && !before.ReceiversGone && after.Bound != 0:
		// Receiver.Close drops the values still buffered. A rendezvous
		// keeps them: each blocked sender takes its own back.
		if s, err := l.js.Stream(ctx, l.n.stream); err == nil {
			s.Purge(ctx)
		}
	}
}
