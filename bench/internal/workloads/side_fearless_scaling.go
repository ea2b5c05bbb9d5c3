package workloads

import (
	"fmt"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// fearless's points of the channel, Mutex and explorer curves; the
// detection curve is in side_fearless_detect.go.
func init() {
	t := map[string]harness.Impl{}
	for _, f := range scaleChanFlavors() {
		mk := fMaker(f == "unbounded", scaleCapOf(f))
		for _, p := range scaleThreads {
			t[scaleChanName(f, p)] = fProducers(mk, p, 1)
		}
	}
	for _, g := range scaleThreads {
		t[scaleMutexName(g)] = fMutexContended(g)
	}
	for _, k := range scaleExplore {
		t[scaleExploreName(k)] = fExplore(k)
	}
	harness.Default.Register(harness.SideFearless, t)
}

// fCounterProgram is counterProgram written for the explorer: k threads
// each lock a Mutex, add one and unlock; the main thread joins them and
// panics (the explorer's failed assertion) unless the count is k.
func fCounterProgram(k int) func() {
	return func() {
		m := shared.NewMutex(0)
		hs := make([]*thread.JoinHandle[struct{}], k)
		for i := range hs {
			hs[i] = thread.Go(func() {
				g, err := m.Lock()
				if err != nil {
					panic(err)
				}
				*g.Get()++
				g.Unlock()
			})
		}
		for _, h := range hs {
			if _, err := h.Join(); err != nil {
				panic(err)
			}
		}
		if x, err := m.Load(); err != nil || x != k {
			panic(fmt.Sprintf("counted %d (%v), want %d", x, err, k))
		}
	}
}

// unbounded is a preemption bound no schedule of the counter reaches: it
// asks Explore for its depth-first search alone, with no PCT after it.
const unbounded = 1 << 30

// fExplore: the first n schedules of the depth-first search of the
// k-thread counter; an exploration that ends (exhaustive) before n is
// started again, so that every run times exactly n schedules.
func fExplore(k int) harness.Impl {
	return func(n int) func() error {
		prog := fCounterProgram(k)
		return func() error {
			for done := 0; done < n; {
				want := n - done
				r := model.Explore(prog, model.PreemptionBound(unbounded), model.MaxSchedules(want))
				switch {
				case r.Failure != nil:
					return r.Failure
				case r.Outside > 0:
					return fmt.Errorf("explorer saw %d operations it does not control: %v", r.Outside, r.OutsideNotes)
				case r.Schedules == 0 || r.Schedules > want || (r.Schedules < want && !r.Exhaustive):
					return fmt.Errorf("explorer ran %d schedules (exhaustive %v), want %d", r.Schedules, r.Exhaustive, want)
				}
				done += r.Schedules
			}
			return nil
		}
	}
}
