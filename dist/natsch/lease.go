package natsch

import (
	"context"
	"errors"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// A beat is what the reaper last saw of another link's lease: the
// revision of its key and when, on this process's clock, it changed.
type beat struct {
	rev uint64
	at  time.Time
}

// interval is how often a link renews its lease and looks for others'.
func (l *link) interval() time.Duration { return l.lease / 4 }

// loop renews the lease every interval, refreshes the registry then and
// whenever an event says it changed, and reaps dead links.
func (l *link) loop() {
	defer close(l.done)
	tick := time.NewTicker(l.interval())
	defer tick.Stop()
	lastOK := time.Now()
	for {
		select {
		case <-l.stop:
			return
		case <-l.poke:
			ctx, cancel := context.WithTimeout(context.Background(), l.lease)
			l.refresh(ctx)
			cancel()
		case <-tick.C:
			ctx, cancel := context.WithTimeout(context.Background(), l.lease)
			err := l.tick(ctx, time.Since(lastOK) > 2*l.interval())
			cancel()
			if err == nil {
				lastOK = time.Now()
			}
		}
	}
}

// tick renews this link's lease and reaps the links whose lease keys did
// not change for their lease. After an outage (this process could not
// reach the server), every other link is given a fresh lease: their
// renewals could not get through either.
func (l *link) tick(ctx context.Context, afterOutage bool) error {
	if _, err := l.kv.Put(ctx, hbPrefix+l.id, nil); err != nil {
		if errors.Is(err, jetstream.ErrBucketNotFound) || errors.Is(err, jetstream.ErrStreamNotFound) || errors.Is(err, nats.ErrNoResponders) {
			l.refresh(ctx)
		}
		return err
	}
	if err := l.refresh(ctx); err != nil {
		return err
	}
	l.mu.Lock()
	links := l.reg.clone().Links
	l.mu.Unlock()
	now := time.Now()
	var dead []string
	for id, e := range links {
		if id == l.id {
			continue
		}
		var rev uint64
		if en, err := l.kv.Get(ctx, hbPrefix+id); err == nil {
			rev = en.Revision()
		} else if !errors.Is(err, jetstream.ErrKeyNotFound) {
			return err
		}
		b, seen := l.beats[id]
		switch {
		case !seen || b.rev != rev || afterOutage:
			l.beats[id] = beat{rev: rev, at: now}
		case now.Sub(b.at) > e.Lease:
			dead = append(dead, id)
		}
	}
	for id := range l.beats {
		if _, ok := links[id]; !ok {
			delete(l.beats, id)
		}
	}
	if len(dead) == 0 {
		return nil
	}
	_, _, err := l.update(ctx, func(r *registry) error {
		for _, id := range dead {
			delete(r.Links, id)
		}
		return nil
	})
	if err == nil {
		for _, id := range dead {
			l.kv.Delete(ctx, hbPrefix+id)
		}
	}
	return err
}
