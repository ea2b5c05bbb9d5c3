package natsch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
)

// A link is one process's membership in a channel: the handles that one
// Channel or Open call made, and their clones. It renews the lease of
// those handles, keeps a copy of the registry fresh, and reaps the links
// of other processes whose leases ran out.
type link struct {
	n      names
	js     jetstream.JetStream
	nc     *nats.Conn
	kv     jetstream.KeyValue
	stream jetstream.Stream
	id     string
	lease  time.Duration

	mu        sync.Mutex
	reg       registry
	rev       uint64
	changed   chan struct{} // closed, and replaced, when reg changes
	room      chan struct{} // closed, and replaced, on a room notification
	senders   int           // open handles of this link
	receivers int
	out       bool // this link is no longer in the registry
	beats     map[string]beat

	evSub, roomSub *nats.Subscription
	takers         takers
	poke           chan struct{}
	stop, done     chan struct{}
}

// A beat is what the reaper last saw of another link's lease: the
// revision of its key and when, on this process's clock, it changed.
type beat struct {
	rev uint64
	at  time.Time
}

// interval is how often a link renews its lease and looks for others'.
func (l *link) interval() time.Duration { return l.lease / 4 }

func newLink(js jetstream.JetStream, n names, kv jetstream.KeyValue, lease time.Duration) *link {
	return &link{
		n: n, js: js, nc: js.Conn(), kv: kv, id: nuid.Next(), lease: lease,
		changed: make(chan struct{}), room: make(chan struct{}),
		beats: map[string]beat{}, poke: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{}),
	}
}

// join renews the lease once, then enters the registry with the given
// handles, unless a side they belong to is gone.
func (l *link) join(ctx context.Context, senders, receivers int) error {
	if _, err := l.kv.Put(ctx, hbPrefix+l.id, nil); err != nil {
		return fmt.Errorf("natsch: channel %q: %w", l.n.channel, err)
	}
	if err := l.refresh(ctx); err != nil {
		return err
	}
	_, _, err := l.update(ctx, func(r *registry) error {
		if senders > 0 && r.SendersGone || receivers > 0 && r.ReceiversGone {
			return fmt.Errorf("natsch: channel %q: %w", l.n.channel, mpsc.ErrDisconnected)
		}
		r.Links[l.id] = linkEntry{Lease: l.lease, Senders: min(senders, 1), Receivers: min(receivers, 1)}
		return nil
	})
	if err != nil {
		l.kv.Delete(context.Background(), hbPrefix+l.id)
		return err
	}
	l.senders, l.receivers = senders, receivers
	return l.start()
}

// start subscribes to the channel's events and starts the lease loop.
func (l *link) start() error {
	var err error
	l.evSub, err = l.nc.Subscribe(l.n.events, func(*nats.Msg) { l.wake() })
	if err == nil {
		l.roomSub, err = l.nc.Subscribe(l.n.room, func(*nats.Msg) { l.roomFreed() })
	}
	if err != nil {
		return fmt.Errorf("natsch: channel %q: %w", l.n.channel, err)
	}
	go l.loop()
	return nil
}

func (l *link) wake() {
	select {
	case l.poke <- struct{}{}:
	default:
	}
}

func (l *link) roomFreed() {
	l.mu.Lock()
	close(l.room)
	l.room = make(chan struct{})
	l.mu.Unlock()
}

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

// state returns the registry as this process last saw it, whether this link
// was reaped, and a channel closed at the next change.
func (l *link) state() (registry, bool, <-chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.reg, l.out, l.changed
}

func (l *link) roomChan() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.room
}

// acquire counts one more handle on the link, cloned from an open one.
func (l *link) acquire(sender bool) {
	l.mu.Lock()
	if sender {
		l.senders++
	} else {
		l.receivers++
	}
	l.mu.Unlock()
}

// release drops one handle. When it was the link's last sender (or
// receiver), the registry records it; when it was the link's last handle,
// the link leaves the registry and stops renewing its lease.
func (l *link) release(sender bool) {
	l.mu.Lock()
	if sender {
		l.senders--
	} else {
		l.receivers--
	}
	last := sender && l.senders == 0 || !sender && l.receivers == 0
	empty := l.senders == 0 && l.receivers == 0
	l.mu.Unlock()
	if !last {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), releaseWait)
	defer cancel()
	l.update(ctx, func(r *registry) error {
		e, ok := r.Links[l.id]
		if !ok {
			return errReaped
		}
		if sender {
			e.Senders = 0
		} else {
			e.Receivers = 0
		}
		if e.Senders == 0 && e.Receivers == 0 {
			delete(r.Links, l.id)
		} else {
			r.Links[l.id] = e
		}
		return nil
	})
	if empty {
		close(l.stop)
		<-l.done
		l.evSub.Unsubscribe()
		l.roomSub.Unsubscribe()
		if l.takers.sub != nil {
			l.takers.sub.Unsubscribe()
		}
		l.kv.Delete(ctx, hbPrefix+l.id)
	}
}

var errReaped = errors.New("natsch: lease lost")

// releaseWait bounds how long Close keeps trying to tell the registry, while
// the server is out of reach. After it the handles count as closed anyway,
// once their lease runs out.
const releaseWait = 30 * time.Second
