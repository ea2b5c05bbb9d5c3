package model_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/model"
)

// TestMeasurements reports, for each bug of issue 8, how many schedules
// each strategy needs to find it, and the explorer's speed on the counter
// (run with -v to see the table). It checks only that every strategy finds
// every bug within its budget.
func TestMeasurements(t *testing.T) {
	bugs := []struct {
		name string
		f    func()
	}{
		{"seeds' deadlock (A,B vs B,A)", seedDeadlock},
		{"forgotten close before rx.Iter", forgottenClose},
		{"lost update (load then store)", lostUpdate},
		{"bug needing 2 preemptions", twoPreemptions},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-32s %10s %10s %10s %22s\n", "bug", "DFS+DPOR", "bound 1", "bound 2", "PCT(3), 5 seeds")
	for _, bug := range bugs {
		dfs := find(t, bug.f, model.PreemptionBound(1<<20))
		b1 := find(t, bug.f, model.PreemptionBound(1))
		b2 := find(t, bug.f, model.PreemptionBound(2))
		var pct []int
		for seed := uint64(1); seed <= 5; seed++ {
			pct = append(pct, find(t, bug.f, model.PCT(3), model.Seed(seed), model.MaxSchedules(5000)))
		}
		fmt.Fprintf(&b, "%-32s %10s %10s %10s %22s\n", bug.name, show(dfs), show(b1), show(b2), fmt.Sprint(pct))
		if dfs < 0 || b2 < 0 || slices.Contains(pct, -1) {
			t.Errorf("%s: a strategy missed the bug", bug.name)
		}
	}
	start := time.Now()
	r := model.Explore(mutexCounter)
	elapsed := time.Since(start)
	fmt.Fprintf(&b, "\n3-thread Mutex counter: %d schedules, exhaustive %v, %v, %.0f schedules/s\n",
		r.Schedules, r.Exhaustive, elapsed.Round(time.Millisecond), float64(r.Schedules)/elapsed.Seconds())
	full := model.Explore(mutexCounter, model.PCT(3), model.MaxSchedules(2000))
	fmt.Fprintf(&b, "same counter under PCT(3): %d schedules, no failure: %v\n", full.Schedules, full.Failure == nil)
	t.Log(b.String())
}

// find returns the number of schedules opts need to find the bug in f, or
// -1 when they do not find it.
func find(t *testing.T, f func(), opts ...model.Option) int {
	t.Helper()
	r := model.Explore(f, opts...)
	if r.Failure == nil {
		return -1
	}
	return r.Schedules
}

func show(n int) string {
	if n < 0 {
		return "missed"
	}
	return fmt.Sprint(n)
}
