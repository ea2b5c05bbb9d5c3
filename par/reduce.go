package par

import (
	"slices"

	"github.com/fearlessgo/fearless/internal/panics"
	"github.com/fearlessgo/fearless/internal/sched"
)

// Reduce folds in into one value: each goroutine folds a contiguous run of
// elements, starting from zero, with fold; the runs' results are then
// combined with combine in the order of the runs in the slice. So when
// combine is associative and zero is its identity, and fold(a, v) equals
// combine(a, fold(zero, v)), Reduce returns what a sequential fold from zero
// returns, even when combine is not commutative (concatenation, say).
// Floating-point sums may differ in the last bits from run to run, as the
// runs' bounds depend on timing.
//
// fold and combine are called from several goroutines at once. A panic in
// either makes Reduce panic with a *thread.PanicError once every goroutine
// has stopped. An empty in returns zero. A nil fold or combine panics at
// once, even when the input is too short for combine to be needed.
func Reduce[T, A any](in []T, zero A, fold func(A, T) A, combine func(A, A) A) A {
	needFunc("Reduce", "fold", fold == nil)
	needFunc("Reduce", "combine", combine == nil)
	sched.Point("par.Reduce", nil)
	if len(in) > serialMax {
		if key, cheap := knownCheapCall(fold, len(in)); !cheap {
			return reduceSplit(in, zero, fold, combine, key)
		}
	}
	a := zero
	panics.Run(func() {
		for _, v := range in {
			a = fold(a, v)
		}
	}, rethrow)
	return a
}

func reduceSplit[T, A any](in []T, zero A, fold func(A, T) A, combine func(A, A) A, key uint64) A {
	first := zero // the caller's fold of what it measures
	done, grain, procs, split := measure(len(in), 1, key, func(lo, hi int) {
		for _, v := range in[lo:hi] {
			first = fold(first, v)
		}
	})
	if !split {
		return first
	}
	acc := newAccumulators(zero, procs, done, first)
	parallel(done, len(in), procs, grain, func(w, lo, hi int) {
		a := acc.open(w, lo)
		for _, v := range in[lo:hi] {
			a = fold(a, v)
		}
		acc.close(w, hi, a)
	})
	return acc.combine(combine)
}

// Sum returns the sum of the elements of in, 0 when it is empty. Integer
// sums wrap around as Go's + does; floating-point sums may differ in the
// last bits from a sequential loop's, and from run to run.
func Sum[T Number](in []T) T {
	sched.Point("par.Sum", nil)
	if len(in) <= sumSerialMax {
		return sum(in)
	}
	return sumSplit(in)
}

func sumSplit[T Number](in []T) T {
	var first T
	done, grain, procs, split := measure(len(in), max(sumFirst, len(in)/128), 0, func(lo, hi int) { first += sum(in[lo:hi]) })
	if !split {
		return first
	}
	acc := newAccumulators(0, procs, done, first)
	parallel(done, len(in), procs, grain, func(w, lo, hi int) {
		acc.close(w, hi, acc.open(w, lo)+sum(in[lo:hi]))
	})
	return acc.combine(func(a, b T) T { return a + b })
}

// sum adds with four accumulators, four elements a step: a single one
// makes every add wait for the one before (a few cycles for floats), and
// its tight loop runs at a speed that depends on where the code lands in
// memory. Integer sums are the same either way; floating-point ones may
// differ in the last bits, as the package doc allows.
func sum[T Number](in []T) T {
	var a, b, c, d T
	for ; len(in) >= 4; in = in[4:] {
		a += in[0]
		b += in[1]
		c += in[2]
		d += in[3]
	}
	for _, v := range in {
		a += v
	}
	return (a + b) + (c + d)
}

// accumulators keep, for each goroutine of a parallel run, the partial
// result of the contiguous run of elements it is folding, and the runs it
// finished. A goroutine's batches are contiguous until it steals, so there
// are few runs.
type accumulators[A any] struct {
	zero A
	per  []partial[A] // indexed by goroutine
}

type partial[A any] struct {
	open bool
	hi   int // where the open run ends
	cur  segment[A]
	done []segment[A]
	_    [64]byte // goroutines never write the same cache line
}

type segment[A any] struct {
	lo  int
	acc A
}

// newAccumulators makes room for procs goroutines, the caller's holding the
// run [0, done) that it folded alone into first.
func newAccumulators[A any](zero A, procs, done int, first A) *accumulators[A] {
	a := &accumulators[A]{zero: zero, per: make([]partial[A], procs)}
	if done > 0 {
		a.per[0] = partial[A]{open: true, hi: done, cur: segment[A]{lo: 0, acc: first}}
	}
	return a
}

// open returns the value to go on folding from for a batch starting at lo
// on goroutine w: the open run's when the batch continues it, else zero.
func (a *accumulators[A]) open(w, lo int) A {
	p := &a.per[w]
	if p.open && p.hi == lo {
		return p.cur.acc
	}
	if p.open {
		p.done = append(p.done, p.cur)
	}
	p.open, p.cur = true, segment[A]{lo: lo, acc: a.zero}
	return a.zero
}

// close records acc as the open run's value, now ending at hi.
func (a *accumulators[A]) close(w, hi int, acc A) {
	p := &a.per[w]
	p.hi, p.cur.acc = hi, acc
}

// combine joins every run in index order; it runs after all goroutines ended.
func (a *accumulators[A]) combine(f func(A, A) A) (out A) {
	panics.Run(func() { out = a.combineRuns(f) }, rethrow)
	return out
}

func (a *accumulators[A]) combineRuns(f func(A, A) A) A {
	var runs []segment[A]
	for w := range a.per {
		p := &a.per[w]
		runs = append(runs, p.done...)
		if p.open {
			runs = append(runs, p.cur)
		}
	}
	if len(runs) == 0 {
		return a.zero
	}
	slices.SortFunc(runs, func(x, y segment[A]) int { return x.lo - y.lo })
	out := runs[0].acc
	for _, r := range runs[1:] {
		out = f(out, r.acc)
	}
	return out
}
