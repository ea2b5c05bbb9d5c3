package gort_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/model"
)

// keysOf is for k := range m as the rewriter writes it.
func keysOf(m map[string]int) string {
	var b strings.Builder
	for k := range gort.MapRange(m) {
		b.WriteString(k)
	}
	return b.String()
}

// TestMapRangeOrders checks that the search tries each key of a range
// first, once: the rotations of the sorted keys, and nothing else.
func TestMapRangeOrders(t *testing.T) {
	var orders []string
	r := model.Explore(func() {
		orders = append(orders, keysOf(map[string]int{"b": 2, "a": 1, "c": 3}))
	})
	if r.Failure != nil || !r.Exhaustive {
		t.Fatalf("%d schedules, exhaustive %v, failure %v: want an exhaustive pass", r.Schedules, r.Exhaustive, r.Failure)
	}
	slices.Sort(orders)
	if want := []string{"abc", "bca", "cab"}; !slices.Equal(orders, want) {
		t.Errorf("the orders tried are %q, want the rotations %q", orders, want)
	}
}

// TestMapRangeOrderBug checks that a failure that shows only when one key
// comes first is found, and that its replay takes the same order.
func TestMapRangeOrderBug(t *testing.T) {
	f := func() {
		if strings.HasPrefix(keysOf(map[string]int{"x": 1, "y": 2, "z": 3, "w": 4}), "y") {
			panic("y came first")
		}
	}
	r := model.Explore(f)
	if r.Failure == nil || r.Failure.Kind != model.KindPanic {
		t.Fatalf("%d schedules, failure %v: want the panic", r.Schedules, r.Failure)
	}
	for range 3 {
		again := model.Replay(r.Failure.Schedule, f)
		if again.Failure == nil || again.Failure.Report != r.Failure.Report {
			t.Fatalf("the replay gave %v, want the same failure:\n%s", again.Failure, r.Failure.Report)
		}
	}
}

// TestMapRangeInLoop checks the cost of a range statement in a loop: one
// choice of rotation per statement and run, not one per iteration, and
// each iteration starts at the same key.
func TestMapRangeInLoop(t *testing.T) {
	m := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}
	r := model.Explore(func() {
		first := keysOf(m)
		for range 100 {
			if got := keysOf(m); got != first {
				panic("a range statement changed its order within a run: " + first + " then " + got)
			}
		}
	})
	if r.Failure != nil || !r.Exhaustive || r.Schedules != len(m) {
		t.Errorf("%d schedules, exhaustive %v, failure %v: want an exhaustive pass in %d", r.Schedules, r.Exhaustive, r.Failure, len(m))
	}
}

// TestMapRangeSum checks that a test whose result does not depend on the
// order passes, and that ranging over a map of one entry or none is no
// choice at all.
func TestMapRangeSum(t *testing.T) {
	r := model.Explore(func() {
		sum := 0
		for _, v := range gort.MapRange(map[string]int{"a": 1, "b": 2, "c": 3}) {
			sum += v
		}
		for range gort.MapRange(map[int]bool{7: true}) {
			sum++
		}
		for range gort.MapRange(map[int]bool{}) {
			sum++
		}
		if sum != 7 {
			panic("wrong sum")
		}
	})
	if r.Failure != nil || !r.Exhaustive || r.Schedules != 3 {
		t.Errorf("%d schedules, exhaustive %v, failure %v: want an exhaustive pass in 3", r.Schedules, r.Exhaustive, r.Failure)
	}
}

// TestMapRangeNative checks Go's own range when no explorer runs, with a
// deletion during the loop.
func TestMapRangeNative(t *testing.T) {
	m := map[int]int{1: 1, 2: 2, 3: 3}
	n := 0
	for k := range gort.MapRange(m) {
		delete(m, k)
		n++
	}
	if n != 3 || len(m) != 0 {
		t.Errorf("visited %d, %d left; want 3 visits and none left", n, len(m))
	}
}
