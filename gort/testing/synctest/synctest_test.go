package synctest_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/gort/testing/synctest"
	gorttime "github.com/fearlessgo/fearless/gort/time"
	"github.com/fearlessgo/fearless/model"
)

// inBubble runs f as the goroutine of a bubble, as synctest.Test does, and
// waits for the bubble.
func inBubble(f func()) { gort.GoIn(gort.Runner(), nil, f).Wait() }

// explore explores f under the given timer modes (both, by default) and
// fails t on any failure or on a search that is not exhaustive.
func explore(t *testing.T, f func(bad func(string)), modes ...model.TimerMode) {
	t.Helper()
	if len(modes) == 0 {
		modes = []model.TimerMode{model.TimersIdle, model.TimersEarly}
	}
	for _, mode := range modes {
		var problems []string
		r := model.Explore(func() { f(func(s string) { problems = append(problems, s) }) }, model.Timers(mode))
		if r.Failure != nil {
			t.Fatalf("timers %v: %s failure:\n%s", mode, r.Failure.Kind, r.Failure.Report)
		}
		if !r.Exhaustive {
			t.Errorf("timers %v: not exhaustive after %d schedules", mode, r.Schedules)
		}
		if len(problems) > 0 {
			t.Errorf("timers %v: %s", mode, strings.Join(problems, "; "))
		}
	}
}

// Wait returns only once every other goroutine is blocked: here, once the
// worker has filled the buffer and blocks on its second send.
func TestWaitReturnsWhenTheOthersBlock(t *testing.T) {
	explore(t, func(bad func(string)) {
		inBubble(func() {
			ch := gort.Made(make(chan int, 1))
			sent := 0
			gort.Go(func() {
				for i := range 2 {
					gort.Out(ch).Send(i)
					sent++
				}
			})
			synctest.Wait()
			if sent != 1 {
				bad(fmt.Sprintf("Wait returned with the worker not blocked: %d sends done", sent))
			}
			gort.In(ch).Recv()
			gort.In(ch).Recv()
		})
	})
}

// Wait returns before modelled time passes: a sleeping goroutine counts as
// blocked, and its sleep is not over when Wait returns. (With early timers,
// a timeout may fire at any time, Wait or not.)
func TestWaitReturnsBeforeTimePasses(t *testing.T) {
	explore(t, func(bad func(string)) {
		inBubble(func() {
			start := gorttime.Now()
			woke := false
			gort.Go(func() {
				gorttime.Sleep(time.Second)
				woke = true
			})
			synctest.Wait()
			if woke || gorttime.Since(start) != 0 {
				bad("time passed during Wait")
			}
		})
	}, model.TimersIdle)
}

// A goroutine started from a bubble is in it: Test returns once it has
// ended too.
func TestTestWaitsForTheWholeBubble(t *testing.T) {
	explore(t, func(bad func(string)) {
		done := false
		inBubble(func() {
			gort.Go(func() {
				gort.Go(func() {
					gorttime.Sleep(time.Second)
					done = true
				})
			})
		})
		if !done {
			bad("Test returned before a goroutine of its bubble ended")
		}
	})
}

// A bubble whose goroutines block for good is a deadlock, with Test's
// goroutine waiting on the bubble.
func TestStuckBubbleIsADeadlock(t *testing.T) {
	r := model.Explore(func() {
		inBubble(func() {
			ch := gort.Made(make(chan int))
			gort.Go(func() { gort.Out(ch).Send(1) })
		})
	}, model.Timers(model.TimersIdle))
	if r.Failure == nil || r.Failure.Kind != model.KindDeadlock {
		t.Fatalf("got %+v, want a deadlock", r.Failure)
	}
	if !strings.Contains(r.Failure.Report, "waits in synctest.Test on the goroutines of the bubble") {
		t.Errorf("the report does not say that Test waits for its bubble:\n%s", r.Failure.Report)
	}
}

// Wait outside a bubble, and Test inside one, panic as testing/synctest's
// do.
func TestMisusePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"Wait outside a bubble": func() { synctest.Wait() },
		"Test inside a bubble":  func() { inBubble(func() { synctest.Test(nil, nil) }) },
	} {
		r := model.Explore(f)
		if r.Failure == nil || r.Failure.Kind != model.KindPanic || !strings.Contains(r.Failure.Report, "bubble") {
			t.Errorf("%s: got %+v, want a panic about bubbles", name, r.Failure)
		}
	}
}
