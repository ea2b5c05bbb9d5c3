package par

// Each benchmark runs the same work three ways, as sub-benchmarks that
// benchstat can set side by side (benchstat -col /impl):
//
//	impl=loop  a plain sequential loop calling the same func value (kept
//	           opaque, so the compiler cannot inline it there either)
//	impl=hand  hand-written goroutines: GOMAXPROCS equal chunks, the caller
//	           doing one, a sync.WaitGroup for the rest
//	impl=par   this package
//
// Uneven work adds impl=handdyn: goroutines taking fixed chunks from an
// atomic counter, the usual hand-written fix for uneven work.

import (
	"math"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/cputime"
)

// spinFor returns the burn count that takes about d here.
func spinFor(d time.Duration) int {
	n := 1000
	for {
		// The fastest of a few runs: the others were interrupted.
		best := time.Duration(1 << 62)
		for range 5 {
			start := time.Now()
			x := burn(n)
			best = min(best, time.Since(start))
			burnSink.Add(x)
		}
		if best > 2*time.Millisecond {
			return int(float64(n) * float64(d) / float64(best))
		}
		n *= 2
	}
}

var burnSink atomic.Uint64

// burn does n steps of a xorshift: pure computation, no memory traffic.
func burn(n int) uint64 {
	x := uint64(n) | 1
	for range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

func handMap[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	handChunks(len(in), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = f(in[i])
		}
	})
	return out
}

func handSum[T Number](in []T) T {
	p := runtime.GOMAXPROCS(0)
	parts := make([]T, p)
	var wg sync.WaitGroup
	for w := 1; w < p; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w] = plainSum(in[len(in)*w/p : len(in)*(w+1)/p])
		}()
	}
	parts[0] = plainSum(in[:len(in)/p])
	wg.Wait()
	return plainSum(parts)
}

// plainSum is the loop a user writes, one accumulator.
func plainSum[T Number](in []T) T {
	var s T
	for _, v := range in {
		s += v
	}
	return s
}

// handChunks splits [0, n) into GOMAXPROCS equal chunks.
func handChunks(n int, body func(lo, hi int)) {
	p := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 1; w < p; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body(n*w/p, n*(w+1)/p)
		}()
	}
	body(0, n/p)
	wg.Wait()
}

// handDynamic has GOMAXPROCS goroutines take chunks of size from a counter.
func handDynamic(n, size int, body func(lo, hi int)) {
	p := runtime.GOMAXPROCS(0)
	var next atomic.Int64
	work := func() {
		for {
			hi := int(next.Add(int64(size)))
			lo := hi - size
			if lo >= n {
				return
			}
			body(lo, min(hi, n))
		}
	}
	var wg sync.WaitGroup
	for w := 1; w < p; w++ {
		wg.Add(1)
		go func() { defer wg.Done(); work() }()
	}
	work()
	wg.Wait()
}

var sinkInts []int

// sinkShared keeps the last result of each goroutine of a parallel
// benchmark alive, so that its slices are made on the heap, as in a loop.
var sinkShared atomic.Pointer[[]int]

// opaque hides f from the compiler, so that a plain loop calls it as par
// does, through a func value, instead of inlining it.
//
//go:noinline
func opaque[F any](f F) F { return f }

func BenchmarkMapTrivial(b *testing.B) {
	double := opaque(func(v int) int { return 2 * v })
	for _, n := range []int{1, 10, 100, 1000, 10_000, 100_000, 1_000_000} {
		in := ints(n)
		b.Run("n="+strconv.Itoa(n)+"/impl=loop", func(b *testing.B) {
			cputime.Report(b)
			for b.Loop() {
				out := make([]int, len(in))
				for i, v := range in {
					out[i] = double(v)
				}
				sinkInts = out
			}
		})
		b.Run("n="+strconv.Itoa(n)+"/impl=hand", func(b *testing.B) {
			cputime.Report(b)
			for b.Loop() {
				sinkInts = handMap(in, double)
			}
		})
		b.Run("n="+strconv.Itoa(n)+"/impl=par", func(b *testing.B) {
			cputime.Report(b)
			for b.Loop() {
				sinkInts = Map(in, double)
			}
		})
	}
}

// BenchmarkMap1us is the target: a 1µs function over 100,000 elements.
func BenchmarkMap1us(b *testing.B) {
	iters := spinFor(time.Microsecond)
	f := opaque(func(v int) int { return v + int(burn(iters)&1) })
	in := ints(100_000)
	b.Run("impl=loop", func(b *testing.B) {
		cputime.Report(b)
		for b.Loop() {
			out := make([]int, len(in))
			for i, v := range in {
				out[i] = f(v)
			}
			sinkInts = out
		}
	})
	b.Run("impl=hand", func(b *testing.B) {
		cputime.Report(b)
		for b.Loop() {
			sinkInts = handMap(in, f)
		}
	})
	b.Run("impl=par", func(b *testing.B) {
		cputime.Report(b)
		for b.Loop() {
			sinkInts = Map(in, f)
		}
	})
}

// BenchmarkMapSmall: inputs of 1 to 1,000 elements, from trivial ones
// (cost=0, a doubling) to 100µs each. A split pays only on the costly ones;
// par must stay close to the loop on the cheap ones and close to hand on
// the costly ones.
//
// The trivial ones also run impl=floor: Map's inline path alone, as the
// contract wants it, turning a panic of f into a *thread.PanicError (which
// takes a deferred call). Between loop and floor is what that costs;
// between floor and par what par pays to tell a cheap function from a
// costly one.
func BenchmarkMapSmall(b *testing.B) {
	for _, c := range []struct {
		n    int
		cost time.Duration
	}{
		{1, 0}, {2, 0}, {3, 0}, {10, 0}, {100, 0}, {1000, 0},
		{10, 2 * time.Microsecond}, {100, 200 * time.Nanosecond},
		{1000, time.Microsecond}, {100, 10 * time.Microsecond},
		{10, 100 * time.Microsecond}, {3, 100 * time.Microsecond},
	} {
		f := opaque(func(v int) int { return 2 * v })
		if c.cost > 0 {
			iters := spinFor(c.cost)
			f = opaque(func(v int) int { return v + int(burn(iters)&1) })
		}
		in := ints(c.n)
		name := "n=" + strconv.Itoa(c.n) + "/cost=" + c.cost.String()
		b.Run(name+"/impl=loop", func(b *testing.B) {
			cputime.Report(b)
			for b.Loop() {
				out := make([]int, len(in))
				for i, v := range in {
					out[i] = f(v)
				}
				sinkInts = out
			}
		})
		if c.cost == 0 {
			b.Run(name+"/impl=floor", func(b *testing.B) {
				defer inlineOnly()()
				cputime.Report(b)
				for b.Loop() {
					sinkInts = Map(in, f)
				}
			})
		}
		b.Run(name+"/impl=hand", func(b *testing.B) {
			cputime.Report(b)
			for b.Loop() {
				sinkInts = handMap(in, f)
			}
		})
		b.Run(name+"/impl=par", func(b *testing.B) {
			cputime.Report(b)
			for b.Loop() {
				sinkInts = Map(in, f)
			}
		})
	}
}

// inlineOnly makes Map, ForEach and Reduce take their inline path without
// the cost lookup, the floor of what the contract allows, until restore.
func inlineOnly() (restore func()) {
	saved := serialMax
	serialMax = math.MaxInt
	return func() { serialMax = saved }
}

// BenchmarkMapSmallShared: every goroutine of b.RunParallel maps the same
// ten trivial elements with the same function, as the handlers of a server
// would: what par reads to know the function is cheap must not make them
// contend.
func BenchmarkMapSmallShared(b *testing.B) {
	f := opaque(func(v int) int { return 2 * v })
	in := ints(10)
	run := func(name string, mapIn func() []int) {
		b.Run(name, func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				var last []int
				for pb.Next() {
					last = mapIn()
				}
				sinkShared.Store(&last)
			})
		})
	}
	run("impl=loop", func() []int {
		out := make([]int, len(in))
		for i, v := range in {
			out[i] = f(v)
		}
		return out
	})
	restore := inlineOnly()
	run("impl=floor", func() []int { return Map(in, f) })
	restore()
	run("impl=par", func() []int { return Map(in, f) })
}

// BenchmarkUneven: element i costs about i/n * 4µs (a triangle), so an even
// split gives the second half three times the first half's work.
func BenchmarkUneven(b *testing.B) {
	const n = 20_000
	iters := spinFor(4 * time.Microsecond)
	cost := opaque(func(i int) { burnSink.Add(burn(iters * i / n)) })
	b.Run("impl=loop", func(b *testing.B) {
		cputime.Report(b)
		for b.Loop() {
			for i := range n {
				cost(i)
			}
		}
	})
	b.Run("impl=hand", func(b *testing.B) {
		cputime.Report(b)
		for b.Loop() {
			handChunks(n, func(lo, hi int) {
				for i := lo; i < hi; i++ {
					cost(i)
				}
			})
		}
	})
	b.Run("impl=handdyn", func(b *testing.B) {
		cputime.Report(b)
		for b.Loop() {
			handDynamic(n, 64, func(lo, hi int) {
				for i := lo; i < hi; i++ {
					cost(i)
				}
			})
		}
	})
	in := ints(n)
	b.Run("impl=par", func(b *testing.B) {
		cputime.Report(b)
		for b.Loop() {
			ForEach(in, func(i, _ int) { cost(i) })
		}
	})
}

var sinkInt64 int64

func BenchmarkSum(b *testing.B) {
	benchSum(b, []int{1000, 10_000, 100_000, 1_000_000, 10_000_000}, func(i int) int64 { return int64(i) }, &sinkInt64)
}

// BenchmarkSumFloat64: a plain loop over floats waits for each add before
// the next, which Sum does not.
func BenchmarkSumFloat64(b *testing.B) {
	benchSum(b, []int{1000, 100_000, 1_000_000}, func(i int) float64 { return float64(i) / 3 }, &sinkFloat64)
}

var sinkFloat64 float64

func benchSum[T Number](b *testing.B, sizes []int, elem func(int) T, sink *T) {
	for _, n := range sizes {
		in := make([]T, n)
		for i := range in {
			in[i] = elem(i)
		}
		b.Run("n="+strconv.Itoa(n)+"/impl=loop", func(b *testing.B) {
			cputime.Report(b)
			for b.Loop() {
				*sink = plainSum(in)
			}
		})
		b.Run("n="+strconv.Itoa(n)+"/impl=hand", func(b *testing.B) {
			cputime.Report(b)
			for b.Loop() {
				*sink = handSum(in)
			}
		})
		b.Run("n="+strconv.Itoa(n)+"/impl=par", func(b *testing.B) {
			cputime.Report(b)
			for b.Loop() {
				*sink = Sum(in)
			}
		})
	}
}

// BenchmarkReduceCostly folds with a ~50ns step over cached data.
func BenchmarkReduceCostly(b *testing.B) {
	iters := spinFor(50 * time.Nanosecond)
	fold := opaque(func(a uint64, v int) uint64 { return a + burn(iters+v&1) })
	add := func(a, b uint64) uint64 { return a + b }
	in := ints(100_000)
	var sink uint64
	b.Run("impl=loop", func(b *testing.B) {
		cputime.Report(b)
		for b.Loop() {
			var a uint64
			for _, v := range in {
				a = fold(a, v)
			}
			sink = a
		}
	})
	b.Run("impl=hand", func(b *testing.B) {
		cputime.Report(b)
		for b.Loop() {
			p := runtime.GOMAXPROCS(0)
			parts := make([]uint64, p)
			handChunks(len(in), func(lo, hi int) {
				var a uint64
				for _, v := range in[lo:hi] {
					a = fold(a, v)
				}
				parts[lo*p/len(in)] = a
			})
			sink = parts[0] + parts[1%p]
		}
	})
	b.Run("impl=par", func(b *testing.B) {
		cputime.Report(b)
		for b.Loop() {
			sink = Reduce(in, 0, fold, add)
		}
	})
	burnSink.Add(sink)
}
