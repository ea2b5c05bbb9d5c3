package par

import (
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/internal/panics"
	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/thread"
)

// A runner is one parallel run over [base, base+len): one span per
// goroutine, each taken in batches from its front and stolen from its back.
type runner struct {
	base  int
	grain int // the first batch each goroutine claims
	// maxGrain is the most a batch may grow to: a goroutine whose batch
	// ran under half of batchTarget doubles its next, up to here, since
	// the caller's estimate may be far too high (its first element alone
	// may have paid a page fault for a fresh output slice). Equal to grain
	// when timing must not steer the run.
	maxGrain int
	body     func(w, lo, hi int)
	spans    []span
	stop     atomic.Bool // set on the first panic: take no more batches
	failure  atomic.Pointer[thread.PanicError]
	pending  atomic.Int32 // goroutines still working, the caller included
	parker   *sched.Parker
}

// newRunner splits [lo, hi) evenly into min(procs, hi-lo) spans.
func newRunner(lo, hi, procs, grain int, body func(w, lo, hi int)) *runner {
	m := hi - lo
	w := min(procs, m)
	r := &runner{
		base:   lo,
		body:   body,
		spans:  make([]span, w),
		parker: sched.NewParker(),
	}
	// Keep at least 16 batches per goroutine, so the tail balances even when
	// the estimate was too low.
	r.maxGrain = max(1, m/(16*w))
	r.grain = min(max(1, grain), r.maxGrain)
	if untimed() {
		r.maxGrain = r.grain
	}
	for i := range r.spans {
		r.spans[i].r.Store(pack(m*i/w, m*(i+1)/w))
	}
	return r
}

// lead starts the helpers, works as goroutine 0 and waits for the helpers.
// A panic in the caller's own batches is left to leaderFailed.
func (r *runner) lead() {
	r.pending.Store(int32(len(r.spans)))
	for i := 1; i < len(r.spans); i++ {
		sched.Go(func() { r.help(i) })
	}
	r.work(0)
	r.wait()
}

// leaderFailed is called when the caller's own batch panicked or called
// runtime.Goexit: it stops and waits for the helpers, then panics with the
// first failure, or lets Goexit go on.
func (r *runner) leaderFailed(e *panics.Panic) {
	if e.Goexit() {
		r.stop.Store(true)
		r.wait()
		return
	}
	e.Thread = callerName()
	r.fail((*thread.PanicError)(e))
	r.wait()
	panic(r.failure.Load())
}

func (r *runner) wait() {
	if r.pending.Add(-1) != 0 {
		r.parker.Park()
	}
}

func (r *runner) help(w int) {
	panics.Run(func() { r.work(w) }, func(e *panics.Panic) {
		if e != nil {
			e.Thread = helperName
			r.fail((*thread.PanicError)(e))
		}
		if r.pending.Add(-1) == 0 {
			r.parker.Unpark()
		}
	})
}

func (r *runner) fail(e *thread.PanicError) {
	r.failure.CompareAndSwap(nil, e)
	r.stop.Store(true)
}

// work takes batches from span w, then steals, until nothing is left.
func (r *runner) work(w int) {
	own := &r.spans[w]
	grain := r.grain
	for !r.stop.Load() {
		lo, hi, ok := own.claim(grain)
		if !ok {
			if !r.steal(w) {
				return
			}
			continue
		}
		if grain == r.maxGrain {
			r.body(w, r.base+lo, r.base+hi)
			continue
		}
		start := now()
		r.body(w, r.base+lo, r.base+hi)
		grain = nextGrain(grain, r.maxGrain, now()-start)
	}
}

// nextGrain is how many elements a goroutine claims after a batch of grain
// elements that ran for took: twice as many, up to maxGrain, when that was
// under half of batchTarget, else as many again.
func nextGrain(grain, maxGrain int, took time.Duration) int {
	if took < batchTarget/2 {
		return min(2*grain, maxGrain)
	}
	return grain
}

// steal moves the back half of another goroutine's span into span w, which
// is empty. It reports false when every span is empty: what is left is
// already claimed and will be done by whoever claimed it.
func (r *runner) steal(w int) bool {
	for i := 1; i < len(r.spans); i++ {
		victim := &r.spans[(w+i)%len(r.spans)]
		if lo, hi, ok := victim.split(); ok {
			r.spans[w].r.Store(pack(lo, hi))
			return true
		}
	}
	return false
}

// helperName is the thread name that a panic on a helper reports.
const helperName = "par worker"

// rethrow, given what ended a function that ran on the caller's goroutine
// (nil when it returned), panics with a *thread.PanicError for a panic, as
// a parallel run would, and lets runtime.Goexit go on. Every inline path
// and measure run their loop through panics.Run with it.
func rethrow(e *panics.Panic) {
	if e != nil && !e.Goexit() {
		e.Thread = callerName()
		panic((*thread.PanicError)(e))
	}
}

// callerName names the calling goroutine for a PanicError. It is slow (it
// reads the goroutine's trace) and only used on the way out of a panic.
func callerName() string {
	if name := thread.Current().Name(); name != "" {
		return name
	}
	return "<unnamed>"
}
