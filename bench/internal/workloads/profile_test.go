package workloads

import (
	"os"
	"testing"

	"github.com/fearlessgo/fearless/bench/internal/harness"
)

// BenchmarkWorkload runs one workload's side under go test, so that a row
// of the table can be profiled with the usual flags:
//
//	BENCH_WORKLOAD=chan/bounded1/spsc BENCH_SIDE=fearless \
//	    go test -run '^$' -bench Workload -cpuprofile cpu.out ./internal/workloads
//
// One op is one whole run of the workload at its full N.
func BenchmarkWorkload(b *testing.B) {
	name, side := os.Getenv("BENCH_WORKLOAD"), os.Getenv("BENCH_SIDE")
	if name == "" {
		b.Skip("set BENCH_WORKLOAD (and BENCH_SIDE, default fearless) to profile one row")
	}
	if side == "" {
		side = harness.SideFearless
	}
	var w harness.Workload
	for _, x := range harness.Default.Workloads() {
		if x.Name == name {
			w = x
		}
	}
	if w.Name == "" {
		b.Fatalf("no workload %q (the names are those of the report's rows)", name)
	}
	impl, ok := harness.Default.Impls(name)[side]
	if !ok {
		b.Fatalf("no side %q of workload %q", side, name)
	}
	run := impl(w.N)
	for b.Loop() {
		if err := run(); err != nil {
			b.Fatal(err)
		}
	}
}
