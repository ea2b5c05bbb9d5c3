package gort_test

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/fearlessgo/fearless/gort"
	gcontext "github.com/fearlessgo/fearless/gort/context"
	gsync "github.com/fearlessgo/fearless/gort/sync"
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
// on the order of the others, so a run must not end before it fires. The
// leaked result goroutine is found with timers that may fire early, and
// with idle timers too: the poll's timer and the stopper's sleep end at
// the same instant, and the stopper may then run while the poll waits for
// its result (in a synctest bubble, the goroutine leaks about every other
// run).
func TestTimerAfterTheOthersEnded(t *testing.T) {
	for _, bound := range []int{-1, 3} {
		for name, timers := range map[string]model.TimerMode{"early": model.TimersEarly, "idle": model.TimersIdle} {
			opts := []model.Option{model.Timers(timers)}
			if bound >= 0 {
				opts = append(opts, model.PreemptionBound(bound))
			}
			r := model.Explore(probeAndStop, opts...)
			if r.Failure == nil || r.Failure.Kind != model.KindLeak {
				t.Errorf("%s timers, preemption bound %d: %d schedules, exhaustive %v, failure %v: want the leak", name, bound, r.Schedules, r.Exhaustive, r.Failure)
			}
		}
	}
}

// twoSleepers: two goroutines sleep, one for 50ns and one for second; the
// first logs twice when it wakes, the other once. When both sleep until the
// same instant, testing/synctest fires both timers together and the woken
// goroutines run in any order, so the second may log between the first
// one's two; a later timer never fires before the earlier one's goroutine
// has run until it blocks, as nothing is blocked before that.
func twoSleepers(second time.Duration) func() string {
	return func() string {
		var mu gsync.Mutex
		var wg gsync.WaitGroup
		var log []byte
		note := func(c byte) { mu.Lock(); log = append(log, c); mu.Unlock() }
		wg.Add(2)
		gort.Go(func() { defer wg.Done(); gtime.Sleep(50 * time.Nanosecond); note('a'); note('b') })
		gort.Go(func() { defer wg.Done(); gtime.Sleep(second); note('c') })
		wg.Wait()
		return string(log)
	}
}

// TestTimersAgainstSynctest runs programs whose timers fire at one instant
// or at two, natively in a synctest bubble and under the explorer's idle
// timers: every outcome the bubble gives must be one the explorer finds,
// and the explorer must give no outcome synctest's rule forbids.
func TestTimersAgainstSynctest(t *testing.T) {
	for _, c := range []struct {
		name    string
		f       func() string
		allowed []string
	}{
		{"one instant", twoSleepers(50 * time.Nanosecond), []string{"abc", "acb", "cab"}},
		{"two instants", twoSleepers(60 * time.Nanosecond), []string{"abc"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			native := map[string]bool{}
			for range 1000 {
				synctest.Test(t, func(*testing.T) { native[c.f()] = true })
			}
			explored := map[string]bool{}
			r := model.Explore(func() { explored[c.f()] = true }, model.Timers(model.TimersIdle))
			if r.Failure != nil || !r.Exhaustive {
				t.Fatalf("exhaustive %v, failure %v: want an exhaustive pass", r.Exhaustive, r.Failure)
			}
			for o := range native {
				if !explored[o] {
					t.Errorf("synctest gives %s, the explorer never does (explored: %v)", o, keys(explored))
				}
			}
			if want := slices.Sorted(slices.Values(c.allowed)); !slices.Equal(keys(explored), want) {
				t.Errorf("explored %v, want exactly %v (natively: %v)", keys(explored), want, keys(native))
			}
		})
	}
}

// stopTicking: a goroutine polls a ticker until main stops it, and main
// returns as soon as the goroutine has answered, while it still has to
// return and stop its ticker.
func stopTicking() {
	stop := gort.Made(make(chan chan struct{}))
	gort.Go(func() {
		tick := gtime.NewTicker(time.Nanosecond)
		defer tick.Stop()
		for {
			c, s := gort.In(tick.C), gort.In(stop)
			if r := gort.Select(false, c.Case(), s.Case()); r.Index == 1 {
				answer, _ := gort.Value(s, r)
				gort.Out(answer).Send(struct{}{})
				return
			}
		}
	})
	answer := gort.Made(make(chan struct{}))
	gort.Out(stop).Send(answer)
	gort.In(answer).Recv()
}

// TestTickerDoesNotStarveTheGoroutineItRacesWith checks that early timers
// let a runnable goroutine go on between a ticker's fires: a ticker firing
// again and again while the goroutine that would stop it waits to run is
// no schedule a fair runtime takes, and no leak.
func TestTickerDoesNotStarveTheGoroutineItRacesWith(t *testing.T) {
	for name, timers := range map[string]model.TimerMode{"early": model.TimersEarly, "idle": model.TimersIdle} {
		r := model.Explore(stopTicking, model.Timers(timers), model.MaxSchedules(2000))
		if r.Failure != nil {
			t.Errorf("%s timers: %d schedules, failure:\n%s", name, r.Schedules, r.Failure.Report)
		}
	}
}

// timeoutBeforeTheAnswer fails when the hour-long timeout of a goroutine
// fires before main's answer reaches it, which only early timers allow.
func timeoutBeforeTheAnswer() {
	answer := gort.Made(make(chan int, 1))
	var wg gsync.WaitGroup
	wg.Add(1)
	gort.Go(func() {
		defer wg.Done()
		a, after := gort.In(answer), gort.In(gtime.After(time.Hour))
		if gort.Select(false, a.Case(), after.Case()).Index == 1 {
			panic("timed out")
		}
	})
	gort.Out(answer).Send(1)
	wg.Wait()
}

// TestPCTFiresTimersEarly checks that the randomised search, like the
// depth-first one, lets a timeout fire early under early timers, and
// never under idle timers.
func TestPCTFiresTimersEarly(t *testing.T) {
	r := model.Explore(timeoutBeforeTheAnswer, model.PCT(2), model.Timers(model.TimersEarly), model.MaxSchedules(200))
	if r.Failure == nil || r.Failure.Kind != model.KindPanic {
		t.Errorf("early timers: %d schedules, failure %v: want the panic", r.Schedules, r.Failure)
	} else if rr := model.Replay(r.Failure.Schedule, timeoutBeforeTheAnswer); rr.Failure == nil || rr.Failure.Report != r.Failure.Report {
		t.Errorf("the replay gives %v, want the same failure", rr.Failure)
	}
	r = model.Explore(timeoutBeforeTheAnswer, model.PCT(2), model.Timers(model.TimersIdle), model.MaxSchedules(200))
	if r.Failure != nil {
		t.Errorf("idle timers: failure %v, want none", r.Failure)
	}
}

// busyBesideAWaiter: two goroutines keep each other busy through a ticker
// until a third, which only has to run once, tells them to stop.
func busyBesideAWaiter() {
	stop := gort.Made(make(chan struct{}))
	pings := gort.Made(make(chan struct{}))
	var wg gsync.WaitGroup
	wg.Add(3)
	gort.Go(func() { // polls the ticker, pinging the other on each tick
		defer wg.Done()
		tick := gtime.NewTicker(time.Nanosecond)
		defer tick.Stop()
		for {
			c, s := gort.In(tick.C), gort.In(stop)
			if gort.Select(false, c.Case(), s.Case()).Index == 1 {
				gort.Close(pings)
				return
			}
			gort.Out(pings).Send(struct{}{})
		}
	})
	gort.Go(func() { // answers the pings until they end
		defer wg.Done()
		for {
			if _, ok := gort.In(pings).Recv2(); !ok {
				return
			}
		}
	})
	gort.Go(func() { defer wg.Done(); gort.Close(stop) })
	wg.Wait()
}

// TestPCTIsFair checks that the randomised search lets a goroutine that can
// run go on while two others of higher priority keep each other busy, as a
// fair runtime does, instead of reporting a livelock.
func TestPCTIsFair(t *testing.T) {
	for seed := range uint64(5) {
		r := model.Explore(busyBesideAWaiter, model.PCT(3), model.Seed(seed), model.Timers(model.TimersEarly), model.MaxSchedules(100))
		if r.Failure != nil {
			t.Fatalf("seed %d: %d schedules, failure:\n%.1500s", seed, r.Schedules, r.Failure.Report)
		}
	}
}

// deadlockBesideATicker blocks for good while a ticker nobody reads fires.
func deadlockBesideATicker() {
	tick := gtime.NewTicker(time.Millisecond)
	defer tick.Stop()
	gort.In(gort.Made(make(chan int))).Recv()
}

// waitPastManyTicks waits for a timeout while a ticker nobody reads fires
// a thousand times before it.
func waitPastManyTicks() {
	tick := gtime.NewTicker(time.Millisecond)
	defer tick.Stop()
	gort.In(gtime.After(time.Second)).Recv()
}

// TestTickerWakingNobodyIsADeadlock checks that a run whose goroutines all
// wait for good is a deadlock even while a ticker fires into a channel
// nobody reads, and that a timeout still to come keeps it from being one.
func TestTickerWakingNobodyIsADeadlock(t *testing.T) {
	for name, timers := range map[string]model.TimerMode{"early": model.TimersEarly, "idle": model.TimersIdle} {
		r := model.Explore(deadlockBesideATicker, model.Timers(timers), model.MaxSchedules(100))
		if r.Failure == nil || r.Failure.Kind != model.KindDeadlock {
			t.Errorf("%s timers: %d schedules, failure %v: want the deadlock", name, r.Schedules, r.Failure)
		}
	}
	for name, timers := range map[string]model.TimerMode{"early": model.TimersEarly, "idle": model.TimersIdle} {
		r := model.Explore(waitPastManyTicks, model.Timers(timers), model.MaxSchedules(20))
		if r.Failure != nil {
			t.Errorf("%s timers: the wait past the ticks fails:\n%.1500s", name, r.Failure.Report)
		}
	}
}

// pollUntilSlept polls, with a select that has a default, for a channel a
// sleeping goroutine closes when it wakes.
func pollUntilSlept() {
	done := gort.Made(make(chan struct{}))
	gort.Go(func() { gtime.Sleep(time.Millisecond); gort.Close(done) })
	for gort.Select(true, gort.In(done).Case()).Index != 0 {
	}
}

// TestPollingTakesTime checks that a goroutine that never blocks lets time
// pass under either timer mode: past an allowance of decisions, a timeout
// fires while it could still run, as real time passes while it spins.
func TestPollingTakesTime(t *testing.T) {
	for name, timers := range map[string]model.TimerMode{"early": model.TimersEarly, "idle": model.TimersIdle} {
		r := model.Explore(pollUntilSlept, model.Timers(timers), model.MaxSchedules(50))
		if r.Failure != nil {
			t.Errorf("%s timers: %d schedules, failure:\n%.1500s", name, r.Schedules, r.Failure.Report)
		}
	}
}
