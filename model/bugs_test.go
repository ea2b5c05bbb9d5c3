package model_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// The cases of issue 8, each as a user would write it. Bounds are small so
// that the whole package stays fast under -race.

// seedDeadlock is the seeds' deadlock: t1 locks A then B, t2 locks B then A.
func seedDeadlock() {
	lockA := shared.NewMutex(0)
	lockB := shared.NewMutex(0)
	t1 := thread.Go(func() {
		a, _ := lockA.Lock()
		defer a.Unlock()
		b, _ := lockB.Lock()
		defer b.Unlock()
	})
	t2 := thread.Go(func() {
		b, _ := lockB.Lock()
		defer b.Unlock()
		a, _ := lockA.Lock()
		defer a.Unlock()
	})
	t1.Join()
	t2.Join()
}

func TestSeedDeadlockIsFoundAndReplayed(t *testing.T) {
	leak.Check(t)
	r := model.Explore(seedDeadlock)
	if r.Failure == nil || r.Failure.Kind != model.KindDeadlock {
		t.Fatalf("Explore = %+v, want the deadlock", r)
	}
	for _, want := range []string{"waits in shared.Mutex.Lock on Mutex[int] made at bugs_test.go:", "seedDeadlock.func1", "seedDeadlock.func2"} {
		if !strings.Contains(r.Failure.Report, want) {
			t.Errorf("report lacks %q:\n%s", want, r.Failure.Report)
		}
	}
	for range 5 {
		again := model.Replay(r.Failure.Schedule, seedDeadlock)
		if again.Failure == nil || again.Failure.Kind != model.KindDeadlock || again.Failure.Report != r.Failure.Report {
			t.Fatalf("Replay = %+v, want the same report", again.Failure)
		}
	}
	t.Logf("found after %d schedules:\n%s", r.Schedules, r.Failure.Report)
}

// forgottenClose is the seeds' "forgetting to drop the sender": the
// receiving loop never ends, because the original sender is closed only
// when the function returns.
func forgottenClose() {
	tx, rx := mpsc.Channel[int]()
	defer tx.Close() // too late: should be closed before the loop
	for i := range 2 {
		c := tx.Clone()
		thread.Go(func() {
			defer c.Close()
			c.Send(i)
		})
	}
	for range rx.Iter() {
	}
}

func TestForgottenCloseIsADeadlock(t *testing.T) {
	leak.Check(t)
	r := model.Explore(forgottenClose)
	if r.Failure == nil || r.Failure.Kind != model.KindDeadlock {
		t.Fatalf("Explore = %+v, want a deadlock", r)
	}
	if !strings.Contains(r.Failure.Report, "thread 0 (main: the function under test) waits in mpsc.Recv") {
		t.Errorf("report does not say main waits in Recv:\n%s", r.Failure.Report)
	}
	if again := model.Replay(r.Failure.Schedule, forgottenClose); again.Failure == nil || again.Failure.Kind != model.KindDeadlock {
		t.Fatalf("Replay = %+v", again.Failure)
	}
	t.Logf("found after %d schedules:\n%s", r.Schedules, r.Failure.Report)
}

// lostUpdate increments an atomic with a load then a store: two threads can
// both load 0.
func lostUpdate() {
	var n shared.AtomicInt64
	inc := func() {
		v := n.Load(shared.SeqCst)
		n.Store(v+1, shared.SeqCst)
	}
	a, b := thread.Go(inc), thread.Go(inc)
	a.Join()
	b.Join()
	if got := n.Load(shared.SeqCst); got != 2 {
		panic(fmt.Sprintf("lost update: counter is %d after two increments", got))
	}
}

func TestLostUpdateIsFound(t *testing.T) {
	leak.Check(t)
	r := model.Explore(lostUpdate)
	if r.Failure == nil || r.Failure.Kind != model.KindPanic || !strings.Contains(r.Failure.Report, "lost update: counter is 1") {
		t.Fatalf("Explore = %+v, want the lost update", r)
	}
	if again := model.Replay(r.Failure.Schedule, lostUpdate); again.Failure == nil || again.Failure.Report != r.Failure.Report {
		t.Fatalf("Replay = %+v", again.Failure)
	}
	t.Logf("found after %d schedules", r.Schedules)
}

// mutexCounter is a correct counter: three threads add one under a Mutex.
func mutexCounter() {
	c := shared.NewMutex(0)
	var hs []*thread.JoinHandle[struct{}]
	for range 3 {
		hs = append(hs, thread.Go(func() {
			g, _ := c.Lock()
			*g.Get()++
			g.Unlock()
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	if v, _ := c.Load(); v != 3 {
		panic(fmt.Sprintf("counter is %d", v))
	}
}

func TestMutexCounterIsExploredExhaustively(t *testing.T) {
	leak.Check(t)
	r := model.Explore(mutexCounter)
	if r.Failure != nil {
		t.Fatal(r.Failure)
	}
	if !r.Exhaustive {
		t.Fatalf("Explore = %+v, want an exhaustive search", r)
	}
	t.Logf("3 threads, Mutex counter: %d schedules, exhaustive", r.Schedules)
}

// twoPreemptions fails only if thread 1 is preempted right after storing x
// and thread 2 right after storing y = 1: two preemptions.
func twoPreemptions() {
	var x, y shared.AtomicInt64
	h1 := thread.Go(func() {
		x.Store(1, shared.SeqCst)
		if y.Load(shared.SeqCst) == 1 {
			panic("thread 1 saw y = 1")
		}
	})
	h2 := thread.Go(func() {
		if x.Load(shared.SeqCst) == 1 {
			y.Store(1, shared.SeqCst)
			y.Store(0, shared.SeqCst)
		}
	})
	h1.Join()
	h2.Join()
}

func TestTwoPreemptionBugIsFoundByPCT(t *testing.T) {
	leak.Check(t)
	r := model.Explore(twoPreemptions, model.PCT(3), model.MaxSchedules(5000))
	if r.Failure == nil || !strings.Contains(r.Failure.Report, "thread 1 saw y = 1") {
		t.Fatalf("PCT: Explore = %+v, want the failure", r)
	}
	if again := model.Replay(r.Failure.Schedule, twoPreemptions); again.Failure == nil || again.Failure.Report != r.Failure.Report {
		t.Fatalf("Replay = %+v", again.Failure)
	}
	t.Logf("PCT(3) found it after %d schedules", r.Schedules)
	// The bug needs two preemptions: a bound of one misses it, two finds it.
	if r := model.Explore(twoPreemptions, model.PreemptionBound(1)); r.Failure != nil || !r.Exhaustive {
		t.Fatalf("PreemptionBound(1): Explore = %+v, want no failure", r)
	}
	if r := model.Explore(twoPreemptions, model.PreemptionBound(2)); r.Failure == nil {
		t.Fatalf("PreemptionBound(2): Explore = %+v, want the failure", r)
	}
}

// selfJoinDeadlock deadlocks in every schedule: the main thread holds the
// lock while it joins a thread that takes it.
func selfJoinDeadlock() {
	lock := shared.NewMutex(0)
	g, _ := lock.Lock()
	defer g.Unlock()
	thread.Go(func() {
		g, _ := lock.Lock()
		g.Unlock()
	}).Join()
}

// The objects of a reported run are named by where they were made, though
// the explorer records sites only in the run it reports: running the
// failing schedule again for that is not a schedule of the search.
func TestReportNamesObjectsWithoutCountingTheRunAgain(t *testing.T) {
	leak.Check(t)
	r := model.Explore(selfJoinDeadlock)
	if r.Failure == nil || r.Failure.Kind != model.KindDeadlock || r.Schedules != 1 {
		t.Fatalf("Explore = %+v, want the deadlock in the first schedule", r)
	}
	if want := "Mutex[int] made at bugs_test.go:"; !strings.Contains(r.Failure.Report, want) {
		t.Errorf("report lacks %q:\n%s", want, r.Failure.Report)
	}
	if again := model.Replay(r.Failure.Schedule, selfJoinDeadlock); again.Failure == nil || again.Failure.Report != r.Failure.Report {
		t.Fatalf("Replay = %+v, want the same report", again.Failure)
	}
}

// A function that fails otherwise when run again keeps the failure it was
// found with.
func TestReportOfAFunctionThatDoesNotReplayIsTheFirst(t *testing.T) {
	leak.Check(t)
	runs := 0
	r := model.Explore(func() {
		runs++
		if runs > 1 {
			panic("not the failure of the first run")
		}
		selfJoinDeadlock()
	})
	if r.Failure == nil || r.Failure.Kind != model.KindDeadlock {
		t.Fatalf("Explore = %+v, want the first run's deadlock", r)
	}
}

// A failure before the first decision is reported with its objects named
// too: its schedule is empty.
func TestReportOfAFailureBeforeAnyDecision(t *testing.T) {
	leak.Check(t)
	r := model.Explore(func() {
		lock := shared.NewMutex(0)
		panic(lock.SchedLabel())
	})
	if r.Failure == nil || r.Failure.Kind != model.KindPanic || !strings.Contains(r.Failure.Report, "Mutex[int] made at bugs_test.go:") {
		t.Fatalf("Explore = %+v, want the panic naming the Mutex", r.Failure)
	}
}
