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
