package model_test

import (
	"fmt"
	"time"

	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// racyIncrement increments a counter from two threads with a load and a store:
// one schedule in a few loses an increment.
func racyIncrement() {
	var n shared.AtomicInt64
	h := thread.Go(func() { n.Store(n.Load(shared.SeqCst)+1, shared.SeqCst) })
	n.Store(n.Load(shared.SeqCst)+1, shared.SeqCst)
	h.Join()
	if n.Load(shared.SeqCst) != 2 {
		panic("an increment was lost")
	}
}

// MaxSchedules caps the search; a bug found within the cap is found all the
// same.
func ExampleMaxSchedules() {
	r := model.Explore(racyIncrement, model.MaxSchedules(100))
	fmt.Println(r.Failure.Kind, r.Schedules <= 100)
	// Output: panic true
}

// PreemptionBound searches only the schedules with few preemptions, where
// most bugs are; within the bound, the search can be exhaustive.
func ExamplePreemptionBound() {
	r := model.Explore(racyIncrement, model.PreemptionBound(1))
	fmt.Println(r.Failure.Kind)
	// Output: panic
}

// PCT and Seed ask for randomised schedules, repeatably: the same seed
// explores the same schedules.
func ExamplePCT() {
	a := model.Explore(racyIncrement, model.PCT(2), model.Seed(7))
	b := model.Explore(racyIncrement, model.PCT(2), model.Seed(7))
	fmt.Println(a.Failure.Kind, a.Schedules == b.Schedules, a.Failure.Schedule == b.Failure.Schedule)
	// Output: panic true true
}

// With idle timers, as under testing/synctest, a sleep ends only when every
// other thread is blocked: a thread that sleeps to let another finish
// always sees it finished. With early timers, the explorer also tries the
// timeout first.
func ExampleTimers() {
	sleepThenCheck := func() {
		done := shared.NewMutex(false)
		thread.Go(func() { done.Set(true) })
		thread.Sleep(time.Millisecond)
		if v, _ := done.Load(); !v {
			panic("woke before the other thread ran")
		}
	}
	idle := model.Explore(sleepThenCheck, model.Timers(model.TimersIdle))
	early := model.Explore(sleepThenCheck, model.Timers(model.TimersEarly))
	fmt.Println(idle.Failure == nil, early.Failure != nil)
	// Output: true true
}

// Budget bounds the wall time of a search; a search cut short is not
// exhaustive.
func ExampleBudget() {
	r := model.Explore(func() {
		for range 3 {
			thread.Go(func() { thread.YieldNow() })
		}
	}, model.Budget(time.Minute))
	fmt.Println(r.Failure == nil)
	// Output: true
}

// StallTimeout bounds how long a thread may run without an operation the
// explorer controls: a wait on a plain Go channel is reported, not hung on.
func ExampleStallTimeout() {
	release := make(chan struct{})
	r := model.Explore(func() { <-release }, model.StallTimeout(50*time.Millisecond))
	close(release)
	fmt.Println(r.Failure.Kind, r.Exhaustive)
	// Output: outside false
}
