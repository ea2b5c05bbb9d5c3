package gort_test

import (
	"testing"
	"time"

	"github.com/fearlessgo/fearless/gort"
	gcontext "github.com/fearlessgo/fearless/gort/context"
	gtime "github.com/fearlessgo/fearless/gort/time"
	"github.com/fearlessgo/fearless/model"
)

// probe polls on a timer until told to stop; each poll starts a goroutine
// whose result it may stop waiting for, which then blocks forever.
func probe(stop chan bool) {
	for {
		s, tick := gort.In(stop), gort.In(gtime.After(50*time.Nanosecond))
		if gort.Select(false, s.Case(), tick.Case()).Index == 0 {
			return
		}
		results := gort.Made(make(chan bool))
		ctx, cancel := gcontext.WithTimeout(gcontext.Background(), 50*time.Nanosecond)
		gort.Go(func() { gort.Out(results).Send(true) })
		a, b, c := gort.In(stop), gort.In(results), gort.In(ctx.Done())
		switch gort.Select(false, a.Case(), b.Case(), c.Case()).Index {
		case 0:
			cancel()
			return // the result is never received
		case 1:
			cancel()
		case 2:
			cancel()
			b.Recv()
		}
	}
}

func probeAndStop() {
	stop := gort.Made(make(chan bool))
	gort.Go(func() { probe(stop) })
	gort.Go(func() { gtime.Sleep(50 * time.Nanosecond); gort.Out(stop).Send(true) })
}

// TestTimerAfterTheOthersEnded checks that the search sees what a timer
// does when it fires after every other goroutine ended: its send depends
// on the order of the others, so a run must not end before it fires. With
// timers that may fire early, the leaked result goroutine is found; with
// idle timers it cannot happen (a timer fires only when every goroutine is
// blocked), and the search says so exhaustively.
func TestTimerAfterTheOthersEnded(t *testing.T) {
	for _, bound := range []int{-1, 3} {
		opts := []model.Option{model.Timers(model.TimersEarly)}
		if bound >= 0 {
			opts = append(opts, model.PreemptionBound(bound))
		}
		r := model.Explore(probeAndStop, opts...)
		if r.Failure == nil || r.Failure.Kind != model.KindLeak {
			t.Errorf("early timers, preemption bound %d: %d schedules, exhaustive %v, failure %v: want the leak", bound, r.Schedules, r.Exhaustive, r.Failure)
		}
	}
	r := model.Explore(probeAndStop, model.Timers(model.TimersIdle))
	if r.Failure != nil || !r.Exhaustive {
		t.Errorf("idle timers: %d schedules, exhaustive %v, failure %v: want an exhaustive pass", r.Schedules, r.Exhaustive, r.Failure)
	}
}
