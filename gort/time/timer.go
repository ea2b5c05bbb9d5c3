package time

import (
	stdtime "time"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

const (
	opTimer  sched.Op = "Timer"
	opTicker sched.Op = "Ticker"
)

// Timer is time.Timer. As since Go 1.23, Stop and Reset make sure that no
// value from before them is received from C afterwards.
type Timer struct {
	C <-chan Time

	native *stdtime.Timer
	c      chan Time
	f      func()
	t      *gort.Timer
	site   *sched.CallSite
}

// NewTimer is time.NewTimer.
func NewTimer(d Duration) *Timer {
	r := gort.Runner()
	if r == nil {
		nt := stdtime.NewTimer(d)
		return &Timer{C: nt.C, native: nt}
	}
	site := gort.Caller()
	c := gort.MadeFrom(site, make(chan Time, 1))
	t := &Timer{C: c, c: c, site: site}
	t.start(r, d)
	return t
}

// AfterFunc is time.AfterFunc: f runs in its own goroutine once d passed.
func AfterFunc(d Duration, f func()) *Timer {
	r := gort.Runner()
	if r == nil {
		return &Timer{native: stdtime.AfterFunc(d, f)}
	}
	t := &Timer{f: f, site: gort.Caller()}
	t.start(r, d)
	return t
}

// After is time.After.
func After(d Duration) <-chan Time { return NewTimer(d).C }

func (t *Timer) start(r sched.Runner, d Duration) {
	t.t = gort.StartTimer(r, d, 0, "timer", t.site, t.fire)
}

func (t *Timer) fire() {
	if t.f != nil {
		gort.Go(t.f)
		return
	}
	gort.Select(true, gort.Out(t.c).Case(Now()))
}

// Stop is time.Timer.Stop.
func (t *Timer) Stop() bool {
	if t.native != nil || gort.Runner() == nil {
		return t.native.Stop()
	}
	sched.Point(opTimer, t)
	active := t.t.Stop()
	t.drain()
	return active
}

// Reset is time.Timer.Reset.
func (t *Timer) Reset(d Duration) bool {
	r := gort.Runner()
	if t.native != nil || r == nil {
		return t.native.Reset(d)
	}
	sched.Point(opTimer, t)
	active := t.t.Stop()
	t.drain()
	t.start(r, d)
	return active
}

func (t *Timer) drain() {
	if t.c != nil {
		gort.Select(true, gort.In(t.c).Case())
	}
}

// Ticker is time.Ticker.
type Ticker struct {
	C <-chan Time

	native *stdtime.Ticker
	c      chan Time
	t      *gort.Timer
	site   *sched.CallSite
}

// NewTicker is time.NewTicker. It panics if d <= 0, as time.NewTicker does.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	r := gort.Runner()
	if r == nil {
		nt := stdtime.NewTicker(d)
		return &Ticker{C: nt.C, native: nt}
	}
	site := gort.Caller()
	c := gort.MadeFrom(site, make(chan Time, 1))
	t := &Ticker{C: c, c: c, site: site}
	t.start(r, d)
	return t
}

// Tick is time.Tick.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}

func (t *Ticker) start(r sched.Runner, d Duration) {
	t.t = gort.StartTimer(r, d, d, "ticker", t.site, func() {
		gort.Select(true, gort.Out(t.c).Case(Now()))
	})
}

// Stop is time.Ticker.Stop.
func (t *Ticker) Stop() {
	if t.native != nil || gort.Runner() == nil {
		t.native.Stop()
		return
	}
	sched.Point(opTicker, t)
	t.t.Stop()
}

// Reset is time.Ticker.Reset.
func (t *Ticker) Reset(d Duration) {
	r := gort.Runner()
	if t.native != nil || r == nil {
		t.native.Reset(d)
		return
	}
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	sched.Point(opTicker, t)
	t.t.Stop()
	t.start(r, d)
}
