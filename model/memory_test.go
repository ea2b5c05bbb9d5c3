package model_test

import (
	"fmt"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// seen explores f exhaustively and returns the outcomes it reported.
func seen(t *testing.T, f func(report func(string))) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	r := model.Explore(func() { f(func(s string) { out[s] = true }) }, model.PreemptionBound(1<<20))
	if r.Failure != nil || !r.Exhaustive {
		t.Fatalf("Explore = %+v", r)
	}
	return out
}

// Read-read coherence: two Relaxed loads of one location never see its
// stores out of order, though they may see old ones.
func TestRelaxedLoadsAreCoherent(t *testing.T) {
	leak.Check(t)
	got := seen(t, func(report func(string)) {
		var x shared.AtomicInt64
		h := thread.Go(func() {
			x.Store(1, shared.Relaxed)
			x.Store(2, shared.Relaxed)
		})
		a := x.Load(shared.Relaxed)
		b := x.Load(shared.Relaxed)
		h.Join()
		report(fmt.Sprint(a, b))
	})
	for _, bad := range []string{"1 0", "2 0", "2 1"} {
		if got[bad] {
			t.Errorf("loads saw %s: stores out of order", bad)
		}
	}
	for _, want := range []string{"0 0", "0 1", "0 2", "1 1", "1 2", "2 2"} {
		if !got[want] {
			t.Errorf("outcome %s never explored (saw %v)", want, got)
		}
	}
}

// After Join, the joiner sees every store of the joined thread.
func TestJoinSynchronises(t *testing.T) {
	leak.Check(t)
	got := seen(t, func(report func(string)) {
		var x shared.AtomicInt64
		thread.Go(func() { x.Store(1, shared.Relaxed) }).Join()
		report(fmt.Sprint(x.Load(shared.Relaxed)))
	})
	if len(got) != 1 || !got["1"] {
		t.Fatalf("after Join, loads saw %v, want only 1", got)
	}
}

// A Mutex orders Relaxed accesses made under it.
func TestMutexSynchronises(t *testing.T) {
	leak.Check(t)
	got := seen(t, func(report func(string)) {
		var data shared.AtomicInt64
		m := shared.NewMutex(false)
		h := thread.Go(func() {
			data.Store(42, shared.Relaxed)
			m.Set(true)
		})
		ready, _ := m.Load()
		d := data.Load(shared.Relaxed)
		h.Join()
		report(fmt.Sprint(ready, d))
	})
	if got["true 0"] {
		t.Fatalf("saw the flag set under the lock but not the data written before: %v", got)
	}
	if !got["false 0"] || !got["true 42"] {
		t.Fatalf("outcomes %v, want both orders", got)
	}
}

// A read-modify-write continues the release sequence: an Acquire load that
// reads its value synchronises with the Release store before it.
func TestReleaseSequenceThroughRMW(t *testing.T) {
	leak.Check(t)
	got := seen(t, func(report func(string)) {
		var data, flag shared.AtomicInt64
		h1 := thread.Go(func() {
			data.Store(42, shared.Relaxed)
			flag.Store(1, shared.Release)
		})
		h2 := thread.Go(func() { flag.Add(1, shared.Relaxed) })
		f := flag.Load(shared.Acquire)
		d := data.Load(shared.Relaxed)
		h1.Join()
		h2.Join()
		report(fmt.Sprint(f, d))
	})
	// flag is 2 only when the Add read the Release store: reading it
	// synchronises with that store. (1 may be the Add's own, on 0.)
	if got["2 0"] {
		t.Errorf("outcome 2 0: an Acquire load read the RMW after the Release store but not the data")
	}
	for _, want := range []string{"0 0", "0 42", "1 0", "1 42", "2 42"} {
		if !got[want] {
			t.Errorf("outcome %s never explored: %v", want, got)
		}
	}
}
