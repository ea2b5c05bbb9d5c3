package workloads

import (
	"fmt"
	"math"
	"runtime"
	"sync"
	"time"
)

// busyDuration is how long one task of pool/100us works.
const busyDuration = 100 * time.Microsecond

// busy does iters dependent steps of a 64-bit LCG with an xorshift: work for
// the CPU only, no memory traffic, no blocking, and nothing a compiler can
// fold into a formula (Rust's busy is the same). A task made of it stays
// 100 µs of work however the scheduler treats it, where a sleep, or a spin
// until the clock says 100 µs passed, would let a descheduled task finish
// without doing its work: only a fixed amount of work measures how well a
// pool spreads it over the cores.
func busy(seed, iters uint64) uint64 {
	x := seed
	for range iters {
		x = x*6364136223846793005 + 1442695040888963407
		x ^= x >> 33
	}
	return x
}

// A calibration is how many steps of busy take busyDuration on this machine,
// and what busy returns for each of the 8 seeds the tasks use.
type calibration struct {
	iters   uint64
	results [8]uint64
}

// busySink keeps the calibration's results alive, so that no compiler
// drops the work being timed.
var busySink uint64

// busyCalibration measures once per process; every side calls it while it
// prepares a run, outside the timer.
var busyCalibration = sync.OnceValue(func() calibration {
	const probe = 1 << 16 // ~100 µs on a 3 GHz core: long enough to time
	// The fastest of several tries is the one least disturbed by other load.
	best := time.Duration(math.MaxInt64)
	for k := range 20 {
		start := time.Now()
		busySink ^= busy(uint64(k), probe)
		best = min(best, time.Since(start))
	}
	runtime.KeepAlive(busySink)
	c := calibration{iters: max(1, uint64(float64(probe)*float64(busyDuration)/float64(max(best, 1))))}
	for seed := range c.results {
		c.results[seed] = busy(uint64(seed), c.iters)
	}
	return c
})

// task is task i of pool/100us: about busyDuration of CPU work.
func (c calibration) task(i int) uint64 { return busy(uint64(i&7), c.iters) }

// check compares what n tasks added up (wrapping) with what they should.
func (c calibration) check(got uint64, n int) error {
	var want uint64
	for i := range n {
		want += c.results[i&7]
	}
	if got != want {
		return fmt.Errorf("busy tasks added %d, want %d", got, want)
	}
	return nil
}
