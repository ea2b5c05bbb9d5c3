package gort_test

import (
	"testing"

	"github.com/fearlessgo/fearless/gort"
	gsync "github.com/fearlessgo/fearless/gort/sync"
	"github.com/fearlessgo/fearless/model"
)

// The places of the go statements and makes below, as the rewriter makes
// them.
var (
	posCounterGo    = gort.At("gort/bench_test.go:30")
	posPipelineIn   = gort.At("gort/bench_test.go:46")
	posPipelineOut  = gort.At("gort/bench_test.go:47")
	posPipelineDone = gort.At("gort/bench_test.go:48")
	posPipelineGo1  = gort.At("gort/bench_test.go:49")
	posPipelineGo2  = gort.At("gort/bench_test.go:55")
)

// counter is the 3-goroutine counter in plain Go as fearless test rewrites
// it: go statements, a sync.Mutex and a sync.WaitGroup.
func counter() {
	var mu gsync.Mutex
	var wg gsync.WaitGroup
	n := 0
	for range 3 {
		wg.Add(1)
		gort.GoAt(posCounterGo, func() {
			defer wg.Done()
			mu.Lock()
			n++
			mu.Unlock()
		})
	}
	wg.Wait()
	if n != 3 {
		panic("lost an increment")
	}
}

// pipeline is a producer, a worker and the test joined by channels, with a
// select on a done channel: the shape of most kernels of GoBench.
func pipeline() {
	in := gort.MadeAt(posPipelineIn, make(chan int))
	out := gort.MadeAt(posPipelineOut, make(chan int, 1))
	done := gort.MadeAt(posPipelineDone, make(chan struct{}))
	gort.GoAt(posPipelineGo1, func() {
		defer gort.Close(in)
		for i := range 2 {
			gort.Out(in).Send(i)
		}
	})
	gort.GoAt(posPipelineGo2, func() {
		defer gort.Close(out)
		for v := range gort.In(in).Range() {
			o, d := gort.Out(out), gort.In(done)
			if gort.Select(false, o.Case(v), d.Case()).Index == 1 {
				return
			}
		}
	})
	for range gort.In(out).Range() {
	}
	gort.Close(done)
}

// BenchmarkExploreGoCounter measures the explorer's speed on rewritten Go
// code, in schedules per second over an exhaustive search.
func BenchmarkExploreGoCounter(b *testing.B) { benchExplore(b, counter) }

// BenchmarkExploreGoPipeline is BenchmarkExploreGoCounter on the pipeline.
func BenchmarkExploreGoPipeline(b *testing.B) { benchExplore(b, pipeline) }

func benchExplore(b *testing.B, f func()) {
	total := 0
	for b.Loop() {
		r := model.Explore(f)
		if r.Failure != nil {
			b.Fatal(r.Failure.Report)
		}
		total += r.Schedules
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "schedules/s")
}

func TestBenchmarkedProgramsAreCorrect(t *testing.T) {
	for _, f := range []func(){counter, pipeline} {
		if r := model.Explore(f); r.Failure != nil || !r.Exhaustive {
			t.Fatalf("%d schedules, exhaustive %v, failure %v", r.Schedules, r.Exhaustive, r.Failure)
		}
	}
}
