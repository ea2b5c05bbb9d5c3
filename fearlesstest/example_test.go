package fearlesstest_test

import (
	"errors"
	"testing"

	"github.com/fearlessgo/fearless/fearlesstest"
	"github.com/fearlessgo/fearless/pool"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// The helpers take the test's *testing.T; these examples show test
// functions, which go test would run as TestX(t).

// A test that expects a panic keeps it off standard error.
func ExampleQuietPanics() {
	_ = func(t *testing.T) {
		fearlesstest.QuietPanics(t)
		h := thread.Spawn(func() int { panic("bad input") })
		var pe *thread.PanicError
		if _, err := h.Join(); !errors.As(err, &pe) || pe.Value != "bad input" {
			t.Fatalf("Join() = %v, want the panic", err)
		}
	}
}

// A test that takes two locks in both orders fails, although no run of it
// deadlocks.
func ExampleDetectDeadlocks() {
	_ = func(t *testing.T) {
		fearlesstest.DetectDeadlocks(t)
		accounts, audit := shared.NewMutex(100), shared.NewMutex(0)
		transfer := func() {
			a, _ := accounts.Lock()
			defer a.Unlock()
			l, _ := audit.Lock()
			defer l.Unlock()
		}
		report := func() {
			l, _ := audit.Lock()
			defer l.Unlock()
			a, _ := accounts.Lock() // the opposite order: reported
			defer a.Unlock()
		}
		transfer()
		thread.Go(report).Join()
	}
}

// A test that checks that a pool's workers end with it. NoLeaks comes
// first, so that its check runs after the pool's Close.
func ExampleNoLeaks() {
	_ = func(t *testing.T) {
		fearlesstest.NoLeaks(t)
		p := pool.New(4)
		t.Cleanup(p.Close)
		h, err := pool.Submit(p, func() int { return 6 * 7 })
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := h.Join(); v != 42 {
			t.Errorf("got %d", v)
		}
	}
}

// A test run under every schedule the explorer can afford: t.Errorf fails
// the schedule that broke the check, and the report says how to replay it.
func ExampleExplore() {
	_ = func(t *testing.T) {
		fearlesstest.Explore(t, func(t *testing.T) {
			c := shared.NewMutex(0)
			h := thread.Go(func() { c.With(func(v *int) { *v++ }) })
			c.With(func(v *int) { *v++ })
			h.Join()
			if v, _ := c.Load(); v != 2 {
				t.Errorf("counter = %d, want 2", v)
			}
		})
	}
}
