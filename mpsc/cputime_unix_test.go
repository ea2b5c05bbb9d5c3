//go:build unix

package mpsc_test

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the process's user and system time so far.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// reportCPU makes b report the processor time per op of the process,
// every goroutine included, as cpu-ns/op: on a loaded machine the wall
// time of a benchmark that blocks swings with what else runs, and the
// work done varies less.
func reportCPU(b *testing.B) {
	start := cpuTime()
	b.Cleanup(func() {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	})
}
