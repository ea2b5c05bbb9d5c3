package model_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Two threads take two locks in opposite orders: most runs finish, a few
// deadlock. Explore finds such a schedule and Replay repeats it.
func ExampleExplore() {
	opposite := func() {
		a, b := shared.NewMutex(0), shared.NewMutex(0)
		t1 := thread.Go(func() {
			ga, _ := a.Lock()
			gb, _ := b.Lock()
			gb.Unlock()
			ga.Unlock()
		})
		gb, _ := b.Lock()
		ga, _ := a.Lock()
		ga.Unlock()
		gb.Unlock()
		t1.Join()
	}
	r := model.Explore(opposite)
	fmt.Println(r.Failure.Kind)
	fmt.Println(model.Replay(r.Failure.Schedule, opposite).Failure.Kind)
	// Output:
	// deadlock
	// deadlock
}

// A read-modify-write made of a load and a store loses updates; Add does
// not. A correct program is explored exhaustively.
func ExampleExplore_exhaustive() {
	counter := func(inc func(*shared.AtomicInt64)) func() {
		return func() {
			var n shared.AtomicInt64
			h := thread.Go(func() { inc(&n) })
			inc(&n)
			h.Join()
			if v := n.Load(shared.SeqCst); v != 2 {
				panic(fmt.Sprintf("counter is %d", v))
			}
		}
	}
	racy := model.Explore(counter(func(n *shared.AtomicInt64) { n.Store(n.Load(shared.Relaxed)+1, shared.Relaxed) }))
	fmt.Println(racy.Failure.Error())
	atomic := model.Explore(counter(func(n *shared.AtomicInt64) { n.Add(1, shared.Relaxed) }))
	fmt.Println(atomic.Failure == nil, atomic.Exhaustive)
	// Output:
	// model: panic in thread 0 (main: the function under test): counter is 1
	// true true
}

// The schedule string of a failure replays it exactly.
func ExampleReplay() {
	f := func() {
		var x shared.AtomicInt64
		h := thread.Go(func() { x.Store(1, shared.Relaxed) })
		if x.Load(shared.Relaxed) == 1 {
			panic("the store came first")
		}
		h.Join()
	}
	r := model.Explore(f)
	for range 3 {
		fmt.Println(model.Replay(r.Failure.Schedule, f).Failure.Error())
	}
	// Output:
	// model: panic in thread 0 (main: the function under test): the store came first
	// model: panic in thread 0 (main: the function under test): the store came first
	// model: panic in thread 0 (main: the function under test): the store came first
}

// printTB is a testing.TB that prints, to show what Check reports.
type printTB struct{ testing.TB }

func (printTB) Helper() {}
func (printTB) Logf(format string, args ...any) {
	// Drop the number of schedules: it depends on how the primitives work.
	_, rest, _ := strings.Cut(fmt.Sprintf(format, args...), "tried, ")
	fmt.Println(rest)
}
func (printTB) Fatalf(format string, args ...any) {
	fmt.Println("FAIL")
}

func ExampleCheck() {
	// In a test: model.Check(t, func() { ... })
	model.Check(printTB{}, func() {
		c := shared.NewMutex(0)
		h := thread.Go(func() { c.With(func(v *int) { *v++ }) })
		c.With(func(v *int) { *v++ })
		h.Join()
		if v, _ := c.Load(); v != 2 {
			panic(fmt.Sprintf("counter is %d", v))
		}
	}, model.PreemptionBound(2))
	// Output:
	// exhaustive: true, no failure
}
