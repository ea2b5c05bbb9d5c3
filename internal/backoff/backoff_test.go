package backoff

import (
	"context"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

func TestZeroValueSpinsThenYieldsThenParks(t *testing.T) {
	var b Backoff
	for range SpinRounds {
		if b.Spun() || b.Done() {
			t.Fatalf("round %d: Spun %v, Done %v during the spin rounds", b.step, b.Spun(), b.Done())
		}
		b.Snooze()
	}
	if !b.Spun() {
		t.Fatal("Spun is false after the spin rounds")
	}
	for range YieldRounds {
		if b.Done() {
			t.Fatalf("Done during the yield rounds, at round %d", b.step)
		}
		b.Snooze()
	}
	if !b.Done() {
		t.Fatal("Done is false after every round")
	}
	b.Snooze() // a caller that cannot park goes on yielding
	if !b.Done() {
		t.Fatal("Done is false after a further Snooze")
	}
	b.Reset()
	if b.Spun() || b.Done() {
		t.Fatal("Reset did not start the rounds again")
	}
}

func TestNewCountsRounds(t *testing.T) {
	b := New(0, 0)
	if !b.Done() || !b.Spun() {
		t.Fatal("New(0, 0) does not park at once")
	}
	b = New(0, 2)
	if !b.Spun() || b.Done() {
		t.Fatal("New(0, 2) spins, or parks before yielding")
	}
	b.Snooze()
	b.Snooze()
	if !b.Done() {
		t.Fatal("New(0, 2) is not done after two yields")
	}
	b = New(2, 1)
	b.Spin()
	b.Spin()
	if !b.Spun() || b.Done() {
		t.Fatalf("New(2, 1) after two spins: Spun %v, Done %v", b.Spun(), b.Done())
	}
}

func TestSpinNeverEnds(t *testing.T) {
	var b Backoff
	for range 100 {
		b.Spin()
	}
	if !b.Spun() || b.Done() {
		t.Fatalf("after many spins: Spun %v, Done %v; Spin must never count yield rounds", b.Spun(), b.Done())
	}
	z := New(0, 0)
	z.Spin() // no spin rounds: one pause, no panic
}

func BenchmarkSpinRounds(b *testing.B) {
	for b.Loop() {
		var bo Backoff
		for !bo.Spun() {
			bo.Spin()
		}
	}
}

// idle is a scheduler that is installed and never called: Yields only asks
// whether one is.
type idle struct{}

func (idle) Point(sched.Op, any)                                      {}
func (idle) Go(func())                                                {}
func (idle) Park(*sched.Parker, context.Context, time.Duration) error { return nil }
func (idle) Unpark(*sched.Parker)                                     {}

func TestYieldsIsZeroUnderADeterministicScheduler(t *testing.T) {
	if got := Yields(3); got != 3 {
		t.Fatalf("Yields(3) = %d with no scheduler, want 3", got)
	}
	sched.Install(idle{})
	defer sched.Install(nil)
	if got := Yields(3); got != 0 {
		t.Fatalf("Yields(3) = %d under a scheduler, want 0", got)
	}
}
