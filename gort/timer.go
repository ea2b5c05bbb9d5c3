package gort

import (
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// A Timer runs a function once modelled time has advanced by a duration,
// in a goroutine that serves others (the explorer neither waits for it at
// the end of a run nor reports it as leaked). It is the one mechanism
// behind time.Timer, time.Ticker, time.AfterFunc and context deadlines in
// rewritten code. Only the goroutine that has the explorer's turn uses it.
type Timer struct {
	p       *sched.Parker
	stopped bool
	fired   bool
}

// StartTimer starts a timer that calls f after d (at once if d <= 0: the
// next time every goroutine is blocked, under the rule of idle timers),
// and again every period if period > 0, until stopped. label names its
// goroutine in reports.
func StartTimer(r sched.Runner, d, period time.Duration, label string, site *sched.CallSite, f func()) *Timer {
	t := &Timer{p: sched.NewParker()}
	r.GoDaemon(func() {
		wait := d
		for {
			if t.p.ParkTimeout(max(wait, 1)) || t.stopped {
				return // stopped
			}
			t.fired = true
			f()
			if period <= 0 || t.stopped {
				return
			}
			wait = period
		}
	}, label, site)
	return t
}

// Stop stops t and reports whether it had not fired yet (for a periodic
// timer: whether it was still running).
func (t *Timer) Stop() bool {
	if t.stopped {
		return false
	}
	t.stopped = true
	t.p.Unpark()
	return !t.fired
}
