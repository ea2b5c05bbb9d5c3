package thread

import (
	"runtime"
	"time"

	"github.com/fearlessgo/fearless/internal/backoff"
	"github.com/fearlessgo/fearless/internal/sched"
)

// Park blocks the calling thread until its token is available (see
// Thread.Unpark), then consumes it. As in Rust, callers should park in a
// loop that checks the condition they wait for.
func Park() { Current().parkerOf().Park() }

// ParkTimeout is Park for at most d.
func ParkTimeout(d time.Duration) { Current().parkerOf().ParkTimeout(d) }

// YieldNow lets other goroutines run before the caller goes on.
func YieldNow() {
	sched.Point(sched.OpYield, nil)
	runtime.Gosched()
}

// waitYields is how many times a wait for threads to end (Join, Scope)
// yields the processor before it parks.
const waitYields = 1

// yieldUntil reports whether done became true while the caller yielded the
// processor a few times. A thread spawned just before is often queued on
// this very processor: letting it run first costs less than a park, an
// unpark and the parker's allocation. Under a deterministic scheduler it
// reports done() at once, without yielding.
func yieldUntil(done func() bool) bool {
	for range backoff.Yields(waitYields) {
		if done() {
			return true
		}
		backoff.Yield()
	}
	return done()
}

// Sleep pauses the calling thread for at least d. Under the schedule
// explorer, time is modelled and Sleep does not wait for real.
func Sleep(d time.Duration) {
	sched.Point(sched.OpSleep, nil)
	if sched.Active() != nil {
		sched.NewParker().ParkTimeout(d)
		return
	}
	time.Sleep(d)
}
