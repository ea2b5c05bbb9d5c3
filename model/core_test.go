package model_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// tlock is a lock built on the seam alone, so that the core can be tested
// without package shared.
type tlock struct {
	mu      sync.Mutex
	held    bool
	waiters []*sched.Parker
}

func (l *tlock) Lock() {
	sched.Point("tlock.Lock", l)
	for {
		l.mu.Lock()
		if !l.held {
			l.held = true
			l.mu.Unlock()
			return
		}
		p := sched.NewParker()
		l.waiters = append(l.waiters, p)
		l.mu.Unlock()
		p.Park()
	}
}

func (l *tlock) Unlock() {
	sched.Point("tlock.Unlock", l)
	l.mu.Lock()
	l.held = false
	ws := l.waiters
	l.waiters = nil
	l.mu.Unlock()
	for _, p := range ws {
		p.Unpark()
	}
}

func TestSpawnJoinIsExhaustive(t *testing.T) {
	leak.Check(t)
	r := model.Explore(func() {
		a := thread.Spawn(func() int { return 1 })
		b := thread.Spawn(func() int { return 2 })
		x, _ := a.Join()
		y, _ := b.Join()
		if x+y != 3 {
			panic("wrong sum")
		}
	})
	if r.Failure != nil {
		t.Fatal(r.Failure)
	}
	if !r.Exhaustive || r.Schedules < 1 {
		t.Fatalf("Explore = %+v, want an exhaustive search", r)
	}
	t.Logf("%d schedules", r.Schedules)
}

func lockOrderDeadlock() {
	var a, b tlock
	h1 := thread.Go(func() {
		a.Lock()
		b.Lock()
		b.Unlock() //lint:ignore SA2001 taking the locks in this order is the test
		a.Unlock()
	})
	h2 := thread.Go(func() {
		b.Lock()
		a.Lock()
		a.Unlock() //lint:ignore SA2001 taking the locks in this order is the test
		b.Unlock()
	})
	h1.Join()
	h2.Join()
}

func TestLockOrderDeadlockFoundAndReplayed(t *testing.T) {
	leak.Check(t)
	r := model.Explore(lockOrderDeadlock)
	if r.Failure == nil || r.Failure.Kind != model.KindDeadlock {
		t.Fatalf("Explore = %+v, want a deadlock", r)
	}
	rep := r.Failure.Report
	for _, want := range []string{"deadlock", "thread 1 waits in tlock.Lock on *model_test.tlock#", "thread 2 waits in tlock.Lock", "join for thread 1", "lockOrderDeadlock", "model.Replay("} {
		if !strings.Contains(rep, want) {
			t.Errorf("report lacks %q:\n%s", want, rep)
		}
	}
	for range 3 {
		again := model.Replay(r.Failure.Schedule, lockOrderDeadlock)
		if again.Failure == nil || again.Failure.Kind != model.KindDeadlock || again.Failure.Schedule != r.Failure.Schedule {
			t.Fatalf("Replay(%q) = %+v, want the same deadlock", r.Failure.Schedule, again.Failure)
		}
	}
	t.Logf("found after %d schedules:\n%s", r.Schedules, rep)
}

func TestPanicInMainIsReported(t *testing.T) {
	leak.Check(t)
	f := func() {
		var l tlock
		n := 0
		h := thread.Go(func() { l.Lock(); n++; l.Unlock() })
		l.Lock()
		if n == 1 {
			l.Unlock()
			panic(fmt.Sprintf("saw n = %d", n))
		}
		l.Unlock()
		h.Join()
	}
	failsAndReplays(t, f, model.KindPanic, "saw n = 1")
}

// failsAndReplays explores f and checks that it fails with kind, in a
// report that says want, and that replaying the schedule gives the same
// report.
func failsAndReplays(t *testing.T, f func(), kind, want string) {
	t.Helper()
	r := model.Explore(f)
	if r.Failure == nil || r.Failure.Kind != kind || !strings.Contains(r.Failure.Report, want) {
		t.Fatalf("Explore = %+v, want a %s failure that says %q", r.Failure, kind, want)
	}
	again := model.Replay(r.Failure.Schedule, f)
	if again.Failure == nil || again.Failure.Report != r.Failure.Report {
		t.Fatalf("Replay(%q) = %+v, want the same failure", r.Failure.Schedule, again.Failure)
	}
}

func TestThreadPanicIsAFailure(t *testing.T) {
	leak.Check(t)
	for _, f := range []func(){
		func() { thread.Go(func() { panic("boom") }) },
		func() { thread.Go(func() { panic("boom") }).Join() },
		func() { thread.Scope(func(s *thread.ScopeHandle) int { s.Go(func() { panic("boom") }); return 0 }) },
	} {
		r := model.Explore(f)
		if r.Failure == nil || r.Failure.Kind != model.KindPanic || !strings.Contains(r.Failure.Report, "panic in thread 1: boom") {
			t.Fatalf("Explore = %+v, want the panic", r.Failure)
		}
	}
}

func TestParkWithoutUnparkIsADeadlock(t *testing.T) {
	leak.Check(t)
	r := model.Explore(func() { sched.NewParker().Park() })
	if r.Failure == nil || r.Failure.Kind != model.KindDeadlock {
		t.Fatalf("Explore = %+v, want a deadlock", r.Failure)
	}
}

func TestSleepIsModelled(t *testing.T) {
	leak.Check(t)
	start := time.Now()
	var order []int
	var mu sync.Mutex
	r := model.Explore(func() {
		order = order[:0]
		h := thread.Go(func() {
			thread.Sleep(time.Hour)
			mu.Lock()
			order = append(order, 2)
			mu.Unlock()
		})
		before := sched.Now()
		thread.Sleep(time.Minute)
		if got := sched.Since(before); got < time.Minute {
			panic(fmt.Sprintf("slept %v of modelled time, want a minute", got))
		}
		mu.Lock()
		order = append(order, 1)
		mu.Unlock()
		h.Join()
	})
	if r.Failure != nil {
		t.Fatal(r.Failure)
	}
	if time.Since(start) > time.Minute {
		t.Fatal("Sleep slept for real")
	}
}

func TestTimeoutRacesWithUnpark(t *testing.T) {
	leak.Check(t)
	// Either outcome of ParkTimeout must be explored.
	seen := map[bool]bool{}
	r := model.Explore(func() {
		p := sched.NewParker()
		h := thread.Go(func() { p.Unpark() })
		seen[p.ParkTimeout(time.Second)] = true
		h.Join()
	})
	if r.Failure != nil || !r.Exhaustive {
		t.Fatalf("Explore = %+v", r)
	}
	if !seen[true] || !seen[false] {
		t.Fatalf("outcomes explored: %v, want both", seen)
	}
}

func TestNestedExplorePanics(t *testing.T) {
	leak.Check(t)
	r := model.Explore(func() { model.Explore(func() {}) })
	if r.Failure == nil || r.Failure.Kind != model.KindNested || !strings.Contains(r.Failure.Report, "while another one runs") {
		t.Fatalf("Explore = %+v, want the nested call rejected", r.Failure)
	}
	if again := model.Replay(r.Failure.Schedule, func() { model.Explore(func() {}) }); again.Failure == nil || again.Failure.Report != r.Failure.Report {
		t.Fatalf("Replay = %+v, want the same failure", again.Failure)
	}
	// The explorer is usable again.
	if r := model.Explore(func() {}); r.Failure != nil || !r.Exhaustive || r.Schedules != 1 {
		t.Fatalf("Explore after a nested call = %+v", r)
	}
	if sched.Active() != nil {
		t.Fatal("a scheduler is still installed")
	}
}

func TestReplayRejectsGarbage(t *testing.T) {
	for _, s := range []string{"", "hello", "1:x", "1:0*0", "1:-1", "1:r", "2:0"} {
		r := model.Replay(s, func() {})
		if r.Failure == nil || r.Failure.Kind != model.KindInvalidSchedule {
			t.Errorf("Replay(%q) = %+v, want an invalid schedule", s, r.Failure)
		}
	}
	r := model.Replay("1:0*5,1,1", func() {})
	if r.Failure == nil || r.Failure.Kind != model.KindNondeterministic {
		t.Errorf("Replay of a foreign schedule = %+v, want nondeterministic", r.Failure)
	}
}

func TestOptionsPanicOnBadValues(t *testing.T) {
	for name, f := range map[string]func(){
		"MaxSchedules":    func() { model.MaxSchedules(0) },
		"PreemptionBound": func() { model.PreemptionBound(-1) },
		"PCT":             func() { model.PCT(0) },
		"MaxSteps":        func() { model.MaxSteps(0) },
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "model: "+name) {
					t.Errorf("%s: recovered %v, want a panic naming the option", name, r)
				}
			}()
			f()
		}()
	}
}

func TestSpinWithoutYieldIsALivelock(t *testing.T) {
	leak.Check(t)
	r := model.Explore(func() {
		var flag shared.AtomicBool
		for !flag.Load(shared.SeqCst) {
		}
	}, model.MaxSteps(300))
	if r.Failure == nil || r.Failure.Kind != model.KindLivelock || !strings.Contains(r.Failure.Report, "300 decisions") {
		t.Fatalf("Explore = %+v, want a livelock", r.Failure)
	}
}

// A run that reaches the step limit while threads still start and end is
// long, not stuck: it is cut, and the search is not exhaustive; a thread
// that waits for the others by spinning, with none ending, is a livelock.
func TestLongRunIsCutNotALivelock(t *testing.T) {
	leak.Check(t)
	tasks := func(n int) func() {
		return func() {
			for range n {
				thread.Go(func() {}).Join()
			}
		}
	}
	r := model.Explore(tasks(1000), model.MaxSteps(300), model.MaxSchedules(5))
	if r.Failure != nil || r.Cut == 0 || r.Exhaustive {
		t.Fatalf("Explore = %+v, want runs cut at the step limit, no failure, not exhaustive", r)
	}
	if r := model.Explore(tasks(10), model.MaxSteps(300)); r.Failure != nil || r.Cut != 0 || !r.Exhaustive {
		t.Fatalf("a run within the limit: Explore = %+v, want an exhaustive pass", r)
	}
	r = model.Explore(func() { // goes round many objects it touched before
		var cells [100]shared.AtomicInt64
		thread.Go(func() {
			for range 100 {
				for i := range cells {
					cells[i].Add(1, shared.Relaxed)
				}
			}
		}).Join()
	}, model.MaxSteps(1000), model.MaxSchedules(5))
	if r.Failure != nil || r.Cut == 0 {
		t.Fatalf("a loop over many objects: Explore = %+v, want runs cut, no failure", r)
	}
	r = model.Explore(func() {
		var flag shared.AtomicBool
		thread.Go(func() {}).Join()
		for !flag.Load(shared.SeqCst) {
			thread.YieldNow()
		}
	}, model.MaxSteps(300))
	if r.Failure == nil || r.Failure.Kind != model.KindLivelock {
		t.Fatalf("spinning after the last thread ended: Explore = %+v, want a livelock", r.Failure)
	}
}

func TestSpinWithYieldEnds(t *testing.T) {
	leak.Check(t)
	r := model.Explore(func() {
		var flag shared.AtomicBool
		h := thread.Go(func() { flag.Store(true, shared.Release) })
		for !flag.Load(shared.Acquire) {
			thread.YieldNow()
		}
		h.Join()
	})
	if r.Failure != nil || !r.Exhaustive {
		t.Fatalf("Explore = %+v", r)
	}
}

func TestContextCancelWakesAWaiter(t *testing.T) {
	leak.Check(t)
	r := model.Explore(func() {
		ctx, cancel := context.WithCancel(context.Background())
		_, rx := mpsc.Channel[int]()
		h := thread.Spawn(func() error {
			_, err := rx.RecvContext(ctx)
			return err
		})
		cancel()
		if err, _ := h.Join(); !errors.Is(err, context.Canceled) {
			panic(fmt.Sprintf("RecvContext = %v, want context.Canceled", err))
		}
	})
	if r.Failure != nil || !r.Exhaustive {
		t.Fatalf("Explore = %+v", r)
	}
}

func TestSelectUnderTheExplorer(t *testing.T) {
	leak.Check(t)
	got := map[string]bool{}
	r := model.Explore(func() {
		tx1, rx1 := mpsc.Channel[int]()
		tx2, rx2 := mpsc.Channel[int]()
		h1 := thread.Go(func() { tx1.Send(1); tx1.Close() })
		h2 := thread.Go(func() { tx2.Send(2); tx2.Close() })
		var first int
		mpsc.Select(mpsc.Case(rx1, func(v int, err error) { first = v }), mpsc.Case(rx2, func(v int, err error) { first = v }))
		got[fmt.Sprint(first)] = true
		h1.Join()
		h2.Join()
	})
	if r.Failure != nil || !r.Exhaustive {
		t.Fatalf("Explore = %+v", r)
	}
	if !got["1"] || !got["2"] {
		t.Fatalf("first received: %v, want both 1 and 2 explored", got)
	}
}

func TestExploreRestoresThePanicHook(t *testing.T) {
	leak.Check(t)
	var calls int
	prev := thread.SetPanicHook(func(*thread.PanicError) { calls++ })
	defer func() { thread.SetPanicHook(prev) }()
	model.Explore(func() { thread.Go(func() { panic("inside") }).Join() })
	thread.Go(func() { panic("outside") }).Join()
	if calls != 1 {
		t.Fatalf("the test's hook saw %d panics, want 1 (the one outside Explore)", calls)
	}
	if sched.Active() != nil {
		t.Fatal("a scheduler is still installed")
	}
}

func TestConcurrentExplorePanics(t *testing.T) {
	leak.Check(t)
	inside := make(chan struct{})
	release := make(chan struct{})
	done := make(chan model.Result)
	go func() {
		done <- model.Explore(func() {
			// Blocks outside the seam, which is fine for a function that
			// spawns no thread: only this test does it.
			inside <- struct{}{}
			<-release
		}, model.MaxSchedules(1))
	}()
	<-inside
	func() {
		defer func() {
			if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "while another one runs") {
				t.Errorf("second Explore: recovered %v, want it rejected", r)
			}
		}()
		model.Explore(func() {})
	}()
	close(release)
	if r := <-done; r.Failure != nil {
		t.Fatal(r.Failure)
	}
}
