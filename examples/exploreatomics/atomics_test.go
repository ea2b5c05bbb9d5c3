package exploreatomics

import (
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/shared"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	s := out.String()
	for _, want := range []string{
		"Relaxed: model.Explore found after ",
		"panic in thread 1: Reordered! ",
		"reorders again: true",
		"Acquire/Release: never reordered in ",
		"(exhaustive: true)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}

// Every mix: only a Relaxed side lets the reader see the reordering.
func TestOrderings(t *testing.T) {
	leak.Check(t)
	for _, c := range []struct {
		load, store shared.Ordering
		reorders    bool
	}{
		{shared.Relaxed, shared.Relaxed, true},
		{shared.Acquire, shared.Relaxed, true},
		{shared.Relaxed, shared.Release, true},
		{shared.Acquire, shared.Release, false},
		{shared.SeqCst, shared.SeqCst, false},
	} {
		r := model.Explore(Program(c.load, c.store))
		if got := r.Failure != nil; got != c.reorders {
			t.Errorf("load %v, store %v: reordered = %v, want %v (%d schedules)\n%v", c.load, c.store, got, c.reorders, r.Schedules, r.Failure)
		}
		if !c.reorders && !r.Exhaustive {
			t.Errorf("load %v, store %v: not exhaustive after %d schedules", c.load, c.store, r.Schedules)
		}
	}
}
