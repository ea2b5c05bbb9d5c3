package par

import (
	"math"
	"runtime"
	"time"

	"github.com/fearlessgo/fearless/internal/panics"
	"github.com/fearlessgo/fearless/internal/sched"
)

// Tuning, measured on a 2-core amd64 box (see bench_test.go). They are
// variables only so that tests can force every path.
var (
	// serialMax is the largest input of Map, ForEach and Reduce that runs
	// inline without timing: with two elements, timing the first leaves
	// one, which cannot be split.
	serialMax = 2
	// sumSerialMax is the largest input that Sum adds inline without
	// timing: its elements cost a fraction of a nanosecond each, so a
	// thousand of them never repay a helper, and one clock read costs as
	// much as about fifty of them.
	sumSerialMax = 1000
	// parallelMin is the estimated remaining work that repays starting a
	// helper and waiting for it (a few microseconds on the caller, and the
	// helper's wake-up on the idle core, which the caller spends working).
	parallelMin = 40 * time.Microsecond
	// trustAfter is how long a measurement must run before its per-element
	// estimate is trusted: shorter ones are dominated by the clock itself
	// (a read costs about 20ns here).
	trustAfter = time.Microsecond
	// recheckEvery is how much estimated work runs between two clock reads
	// while the caller works alone, so reads cost well under 1%.
	recheckEvery = 10 * time.Microsecond
	// batchTarget is how long one batch taken from a span should run: long
	// enough that claiming it (a CAS, a check for a panic, the call) is
	// noise and a streaming loop keeps streaming (Sum of 10⁶ int64 ran ~10%
	// faster than with 2µs batches), short enough to balance: a span keeps
	// at least 16 batches, and a claim never takes more than half of what
	// is left, so the tails shrink.
	batchTarget = 10 * time.Microsecond
	// maxSpan is the most elements one parallel run splits: a span packs its
	// bounds into 32 bits each. Longer inputs run as several runs in a row.
	maxSpan = math.MaxInt32
	// forceParallel skips the measurement and splits at once, as under a
	// deterministic scheduler, where timing must not steer the run.
	forceParallel = false
)

// sumFirst is the fewest elements Sum times first: fewer would make the
// estimate mostly the clock's own cost.
const sumFirst = 64

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

// untimed reports whether timing must not steer a run: under a
// deterministic scheduler, whose schedules must not depend on the clock, or
// with forceParallel set. measure then splits at once, and batches keep
// their size.
func untimed() bool { return sched.Active() != nil || forceParallel }

// measure runs body over the first elements of [0, n) on the caller, reading
// the clock once before the first batch and once after each, until it has
// done all n (split false) or estimates that the rest repays helpers (split
// true). The first batch has first elements: 1 when nothing is known of the
// cost of an element, so that a few costly elements are split after the
// first (two clock reads are all a small cheap input pays). It records
// what an element cost in the cost memory under key (see costs.go; 0 for
// none). It returns how
// many elements it did, how many make one batch of about batchTarget, and
// GOMAXPROCS, which it reads only once it has decided to split (reading it
// takes a lock in the runtime).
func measure(n, first int, key uint64, body func(lo, hi int)) (done, grain, procs int, split bool) {
	if untimed() {
		return 0, 1, runtime.GOMAXPROCS(0), true
	}
	panics.Run(func() { done, grain, procs, split = timeFirst(n, first, key, body) }, rethrow)
	return done, grain, procs, split
}

// timeFirst is measure's loop, run on the caller through the panic catcher.
func timeFirst(n, first int, key uint64, body func(lo, hi int)) (done, grain, procs int, split bool) {
	var perItem float64
	start := now()
	next := min(n, first)
	for {
		body(done, next)
		done = next
		if done == n {
			if key != 0 && perItem > 0 {
				costs.remember(key, perItem)
			}
			return done, 0, 0, false
		}
		elapsed := now() - start
		perItem = float64(elapsed) / float64(done)
		rest := time.Duration(perItem * float64(n-done))
		if rest >= parallelMin && elapsed >= trustAfter && n-done >= 2 {
			if key != 0 {
				costs.remember(key, perItem)
			}
			if procs = runtime.GOMAXPROCS(0); procs < 2 {
				body(done, n)
				return n, 0, procs, false
			}
			return done, max(1, int(float64(batchTarget)/max(perItem, 1))), procs, true
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
// returns when all have stopped. A panic in the caller's own batches is
// left to leaderFailed; one on a helper comes back once the run is over.
func parallel(from, n, procs, grain int, body func(w, lo, hi int)) {
	var r *runner
	panics.Run(func() {
		for from < n && (r == nil || r.failure.Load() == nil) {
			end := min(n, from+maxSpan)
			r = newRunner(from, end, procs, grain, body)
			r.lead()
			from = end
		}
	}, func(e *panics.Panic) {
		if e != nil {
			r.leaderFailed(e)
		}
	})
	if r != nil {
		if e := r.failure.Load(); e != nil {
			panic(e)
		}
	}
}
