package rand_test

import (
	stdrand "math/rand"
	"testing"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/gort/math/rand"
	"github.com/fearlessgo/fearless/model"
)

// TestDrawFound checks that a failure on one draw in ten is found, and
// that its replay draws the same numbers and fails the same way.
func TestDrawFound(t *testing.T) {
	f := func() {
		if rand.Intn(10) == 3 {
			panic(rand.Int63())
		}
	}
	r := model.Explore(f)
	if r.Failure == nil || r.Failure.Kind != model.KindPanic {
		t.Fatalf("%d schedules, failure %v: want the panic", r.Schedules, r.Failure)
	}
	again := model.Replay(r.Failure.Schedule, f)
	if again.Failure == nil || again.Failure.Report != r.Failure.Report {
		t.Fatalf("the replay gave %v, want the same failure:\n%s", again.Failure, r.Failure.Report)
	}
}

// TestSeed checks that a test's own Seed gives Go's numbers for that seed,
// and leaves the search nothing to choose.
func TestSeed(t *testing.T) {
	want := stdrand.New(stdrand.NewSource(42)).Intn(1000)
	var got []int
	r := model.Explore(func() {
		rand.Seed(42)
		got = append(got, rand.Intn(1000))
	})
	if r.Failure != nil || r.Schedules != 1 || len(got) != 1 || got[0] != want {
		t.Errorf("%d schedules, failure %v, drew %v: want one schedule drawing %d", r.Schedules, r.Failure, got, want)
	}
}

// TestGoroutinesDraw checks that the order in which goroutines draw from
// the global source is tried both ways: the first number goes to either.
func TestGoroutinesDraw(t *testing.T) {
	src := stdrand.New(stdrand.NewSource(7))
	first := src.Int()
	who := map[string]bool{}
	r := model.Explore(func() {
		rand.Seed(7)
		var a int
		done := gort.Made(make(chan bool))
		gort.Go(func() { a = rand.Int(); gort.Out(done).Send(true) })
		b := rand.Int()
		gort.In(done).Recv()
		switch first {
		case a:
			who["goroutine"] = true
		case b:
			who["main"] = true
		}
	})
	if r.Failure != nil || !r.Exhaustive || len(who) != 2 {
		t.Errorf("%d schedules, exhaustive %v, failure %v, first draws to %v: want both", r.Schedules, r.Exhaustive, r.Failure, who)
	}
}
