package rand_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/fearlessgo/fearless/gort"
	rand "github.com/fearlessgo/fearless/gort/math/rand/v2"
	"github.com/fearlessgo/fearless/model"
)

// TestDrawFound checks that a failure on one draw in ten is found, and
// that its replay draws the same numbers and fails the same way.
func TestDrawFound(t *testing.T) {
	f := func() {
		if n := rand.IntN(10); n == 7 {
			panic(fmt.Sprintf("drew %d, then %d", n, rand.N(int64(1000))))
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

// TestSeedsTried checks that the search tries gort.RandomSeeds streams,
// different ones, and calls a test that draws exhaustive after them.
func TestSeedsTried(t *testing.T) {
	seen := map[uint64]bool{}
	r := model.Explore(func() {
		seen[rand.Uint64()] = true
		if p := rand.Perm(5); !slices.Equal(slices.Sorted(slices.Values(p)), []int{0, 1, 2, 3, 4}) {
			panic(fmt.Sprint("not a permutation: ", p))
		}
	})
	if r.Failure != nil || !r.Exhaustive || r.Schedules != gort.RandomSeeds {
		t.Fatalf("%d schedules, exhaustive %v, failure %v: want an exhaustive pass in %d", r.Schedules, r.Exhaustive, r.Failure, gort.RandomSeeds)
	}
	if len(seen) != gort.RandomSeeds {
		t.Errorf("%d different first draws in %d runs", len(seen), gort.RandomSeeds)
	}
}

// TestNoDrawNoChoice checks that a test that does not draw costs nothing.
func TestNoDrawNoChoice(t *testing.T) {
	if r := model.Explore(func() {}); r.Schedules != 1 {
		t.Errorf("%d schedules, want 1", r.Schedules)
	}
}

// TestNative checks the functions with no explorer running.
func TestNative(t *testing.T) {
	for range 100 {
		if n := rand.IntN(3); n < 0 || n >= 3 {
			t.Fatalf("IntN(3) = %d", n)
		}
		if n := rand.N(uint8(7)); n >= 7 {
			t.Fatalf("N(7) = %d", n)
		}
	}
	if got := rand.New(rand.NewPCG(1, 2)).Uint64(); got != rand.New(rand.NewPCG(1, 2)).Uint64() {
		t.Error("a seeded Rand differs from another of the same seed")
	}
}
