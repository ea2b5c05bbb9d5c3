package sched

import (
	"context"
	"time"
)

// A Parker blocks one goroutine at a time until it is unparked, like Rust's
// thread::park: Unpark leaves a single token, Park consumes it or waits for
// it. An Unpark before Park makes that Park return at once; several Unparks
// before a Park leave one token. The zero value is not usable: use
// NewParker, or Init for a Parker inside another value. A Parker must not
// be copied once made.
type Parker struct {
	token chan struct{}
	seat  Seat
}

// A Seat is where an installed scheduler finds its state of an object
// without looking it up: it writes there the run it was given in and an
// index of its own. Only the scheduler reads or writes it, while it holds
// the lock of its run.
type Seat struct {
	Run   uint64
	Index int
}

// Seat returns the scheduler's seat of p.
func (p *Parker) Seat() *Seat { return &p.seat }

// NewParker returns a Parker with no token.
func NewParker() *Parker {
	p := new(Parker)
	p.Init()
	return p
}

// Init makes p, the zero Parker inside another value, usable, with no
// token, as NewParker makes a new one; the scheduler knows p as made here.
func (p *Parker) Init() {
	p.token = make(chan struct{}, 1)
	Created(p)
}

// Unpark makes the token available, waking the parked goroutine if any.
// It never blocks.
func (p *Parker) Unpark() {
	if b := installed.Load(); b != nil {
		b.s.Unpark(p)
		return
	}
	select {
	case p.token <- struct{}{}:
	default:
	}
}

// Park blocks until the token is available and consumes it.
func (p *Parker) Park() {
	if b := installed.Load(); b != nil {
		b.s.Park(p, context.Background(), 0)
		return
	}
	<-p.token
}

// ParkHandedOver is Park for a goroutine whose waker hands over all it
// needs (a value, a closed flag) before unparking: from its return to its
// next switch point, the goroutine touches nothing another goroutine may
// touch. A scheduler that searches orders of operations (if it implements
// ParkHandedOver(*Parker)) then need not try the orders of what it does
// on waking against the others.
func (p *Parker) ParkHandedOver() {
	if b := installed.Load(); b != nil {
		if s, ok := b.s.(interface{ ParkHandedOver(*Parker) }); ok {
			s.ParkHandedOver(p)
			return
		}
		b.s.Park(p, context.Background(), 0)
		return
	}
	<-p.token
}

// ParkTimeout is Park for at most d. It reports whether the token was taken.
func (p *Parker) ParkTimeout(d time.Duration) bool {
	return p.ParkContext(context.Background(), d) == nil
}

// ParkContext is Park until ctx is done or, if timeout is positive, for at
// most timeout. It returns nil when the token was taken,
// context.DeadlineExceeded on timeout and ctx.Err() when ctx is done first.
func (p *Parker) ParkContext(ctx context.Context, timeout time.Duration) error {
	if b := installed.Load(); b != nil {
		return b.s.Park(p, ctx, timeout)
	}
	select {
	case <-p.token:
		return nil
	default:
	}
	var expired <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		expired = t.C
	}
	select {
	case <-p.token:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-expired:
		return context.DeadlineExceeded
	}
}

// TryPark consumes the token if it is available, without blocking.
func (p *Parker) TryPark() bool {
	select {
	case <-p.token:
		return true
	default:
		return false
	}
}
