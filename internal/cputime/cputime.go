// Package cputime gives benchmarks the processor time of the whole process
// beside their wall time: on a machine shared with other work, the wall
// time of a benchmark that blocks or runs in parallel swings with what else
// runs, while the work it does varies less.
package cputime

import "testing"

// Report makes b report the processor time per op of the process, every
// goroutine included, as cpu-ns/op. Where the platform cannot tell the
// process's processor time, it reports nothing.
func Report(b *testing.B) {
	start, ok := process()
	if !ok {
		return
	}
	b.Cleanup(func() {
		if end, _ := process(); b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	})
}
