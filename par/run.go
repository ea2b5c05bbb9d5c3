package par

import (
	"math"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Tuning, measured on a 2-core amd64 box (see bench_test.go). They are
// variables only so that tests can force every path.
var (
	// serialMax is the largest input that runs inline without timing: on
	// trivial f, one clock read costs as much as ~15 elements.
	serialMax = 1000
	// parallelMin is the estimated remaining work that repays starting
	// helpers and waiting for them.
	parallelMin = 40 * time.Microsecond
	// trustAfter is how long a measurement must run before its per-element
	// estimate is trusted: shorter ones are dominated by the clock itself.
	trustAfter = time.Microsecond
	// recheckEvery is how much estimated work runs between two clock reads
	// while the caller works alone, so reads cost well under 1%.
	recheckEvery = 10 * time.Microsecond
	// batchTarget is how long one batch taken from a span should run: long
	// enough that claiming it (one CAS) is noise, short enough to balance.
	batchTarget = 2 * time.Microsecond
	// maxSpan is the most elements one parallel run splits: a span packs its
	// bounds into 32 bits each. Longer inputs run as several runs in a row.
	maxSpan = math.MaxInt32
	// forceParallel skips the measurement and splits at once, as under a
	// deterministic scheduler, where timing must not steer the run.
	forceParallel = false
)

// firstBatch is the fewest elements timed first: fewer would make the
// estimate mostly the clock's own cost.
const firstBatch = 64

var epoch = time.Now()

// now reads the monotonic clock only (time.Since of a time that has a
// monotonic reading does not read the wall clock).
func now() time.Duration { return time.Since(epoch) }

// The work of one call is done in two phases. measure runs the first
// elements on the caller alone, through a closure that does not escape (no
// allocation for loops that stay on the caller), and decides whether the
// rest repays helpers; parallel then splits the rest across goroutines.
//
// Both call their body on consecutive ranges [lo, hi) that together cover
// [0, n) exactly once. parallel's body gets w, which goroutine calls it (0
// is the caller; ids are below procs, GOMAXPROCS as read by the caller), so
// that it can keep per-goroutine state without locks; a body with one w is
// never called concurrently with itself. A panic in either comes back as a
// panic with a *thread.PanicError, once every helper has stopped.

// measure runs body over the first elements of [0, n) on the caller, reading
// the clock only now and then, until it has done all n (split false) or
// estimates that the rest repays helpers (split true). It returns how many
// elements it did and how many make one batch of about batchTarget.
func measure(n, procs int, body func(lo, hi int)) (done, grain int, split bool) {
	finished := false
	defer func() {
		if !finished {
			rethrow(recover())
		}
	}()
	switch {
	case procs < 2 || n < 2:
		body(0, n)
		finished = true
		return n, 0, false
	case sched.Active() != nil || forceParallel:
		// Timing must not steer a deterministic schedule.
		finished = true
		return 0, 1, true
	}
	start := now()
	next := min(n, max(firstBatch, n/128))
	for {
		body(done, next)
		done = next
		if done == n {
			finished = true
			return done, 0, false
		}
		elapsed := now() - start
		perItem := float64(elapsed) / float64(done)
		rest := time.Duration(perItem * float64(n-done))
		if rest >= parallelMin && elapsed >= trustAfter {
			finished = true
			return done, max(1, int(float64(batchTarget)/max(perItem, 1))), true
		}
		var k int
		switch {
		case rest >= parallelMin:
			k = 3 * done // too short to trust: measure longer
		case rest < parallelMin/4:
			// Far from paying: the next read, if any, after recheckEvery.
			k = int(float64(recheckEvery) / max(perItem, 1))
		default:
			// Read the clock again after about recheckEvery, in case the
			// cost grows along the slice, but commit at most 8 times what
			// was measured (or a quarter of the input), so that a wrong
			// estimate costs a bounded share.
			k = min(int(float64(recheckEvery)/max(perItem, 1)), max(8*done, n/4))
		}
		next = min(n, done+max(1, k))
	}
}

// parallel runs body over [from, n) on the caller and procs-1 helpers, and
// returns when all have stopped.
func parallel(from, n, procs, grain int, body func(w, lo, hi int)) {
	var r *runner
	returned := false
	defer func() {
		if !returned {
			r.leaderFailed(recover())
		}
	}()
	for from < n {
		end := min(n, from+maxSpan)
		r = newRunner(from, end, procs, grain, body)
		r.lead()
		if e := r.failure.Load(); e != nil {
			returned = true
			panic(e)
		}
		from = end
	}
	returned = true
}
