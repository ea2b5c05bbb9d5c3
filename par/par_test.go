package par

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/goid"
	"github.com/fearlessgo/fearless/internal/leak"
)

// mode is one way of running: the shipped tuning, or forced splits.
type mode struct {
	name  string
	apply func()
}

var modes = []mode{
	{"default", func() {}},
	{"measured-parallel", func() { serialMax, sumSerialMax, parallelMin, trustAfter = 0, 0, 0, 0 }},
	{"forced", func() { serialMax, sumSerialMax, forceParallel = 0, 0, true }},
	{"forced-segments", func() { serialMax, sumSerialMax, forceParallel, maxSpan = 0, 0, true, 777 }},
	{"forced-4procs", func() {
		serialMax, sumSerialMax, forceParallel = 0, 0, true
		old := runtime.GOMAXPROCS(4)
		restore = append(restore, func() { runtime.GOMAXPROCS(old) })
	}},
	{"1proc", func() {
		serialMax, sumSerialMax, forceParallel = 0, 0, true
		old := runtime.GOMAXPROCS(1)
		restore = append(restore, func() { runtime.GOMAXPROCS(old) })
	}},
}

var restore []func()

// tune applies m for the rest of the test. Tests that tune never run in
// parallel with others.
func tune(t testing.TB, m mode) {
	sm, ssm, pm, ta, fp, ms := serialMax, sumSerialMax, parallelMin, trustAfter, forceParallel, maxSpan
	t.Cleanup(func() {
		serialMax, sumSerialMax, parallelMin, trustAfter, forceParallel, maxSpan = sm, ssm, pm, ta, fp, ms
		for _, f := range restore {
			f()
		}
		restore = nil
	})
	m.apply()
}

var sizes = []int{0, 1, 2, 3, 7, 64, 999, 1000, 1001, 4099, 100_000}

func ints(n int) []int {
	in := make([]int, n)
	for i := range in {
		in[i] = i
	}
	return in
}

func eachMode(t *testing.T, f func(t *testing.T)) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			leak.Check(t)
			tune(t, m)
			f(t)
		})
	}
}

func TestMapCallsFOncePerElementInOrder(t *testing.T) {
	eachMode(t, func(t *testing.T) {
		for _, n := range sizes {
			in := ints(n)
			calls := make([]atomic.Int32, n)
			out := Map(in, func(v int) string {
				calls[v].Add(1)
				return strconv.Itoa(v)
			})
			if len(out) != n {
				t.Fatalf("n=%d: len(out) = %d", n, len(out))
			}
			for i := range out {
				if c := calls[i].Load(); c != 1 || out[i] != strconv.Itoa(i) {
					t.Fatalf("n=%d: out[%d] = %q after %d calls", n, i, out[i], c)
				}
			}
		}
	})
}

func TestForEachVisitsEveryIndexOnce(t *testing.T) {
	eachMode(t, func(t *testing.T) {
		for _, n := range sizes {
			in := ints(n)
			calls := make([]atomic.Int32, n)
			var bad atomic.Int32
			ForEach(in, func(i, v int) {
				if i != v {
					bad.Add(1)
				}
				calls[i].Add(1)
			})
			if bad.Load() != 0 {
				t.Fatalf("n=%d: f got an index that does not match its element", n)
			}
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Fatalf("n=%d: index %d visited %d times", n, i, c)
				}
			}
		}
	})
}

func TestReduceKeepsOrderOfANonCommutativeCombine(t *testing.T) {
	eachMode(t, func(t *testing.T) {
		for _, n := range sizes {
			in := ints(n)
			// Concatenating index lists is associative but not commutative:
			// any run combined out of order shows.
			got := Reduce(in, []int(nil),
				func(a []int, v int) []int { return append(a, v) },
				func(a, b []int) []int { return append(slices.Clip(a), b...) })
			if !slices.Equal(got, in) && !(n == 0 && got == nil) {
				t.Fatalf("n=%d: Reduce concatenated %v...", n, got[:min(len(got), 20)])
			}
		}
	})
}

func TestSum(t *testing.T) {
	eachMode(t, func(t *testing.T) {
		for _, n := range sizes {
			in := ints(n)
			if got, want := Sum(in), n*(n-1)/2; got != want {
				t.Fatalf("Sum(0..%d) = %d, want %d", n-1, got, want)
			}
			f := make([]float64, n)
			for i := range f {
				f[i] = 0.5
			}
			if got := Sum(f); got != float64(n)/2 { // exact: every partial is a multiple of 0.5 well below 2^53
				t.Fatalf("Sum of %d halves = %v", n, got)
			}
		}
		// Integers wrap around as Go's + does.
		b := make([]int8, 3000)
		for i := range b {
			b[i] = 1
		}
		if got, want := Sum(b), int8(-72); got != want { // 3000 mod 256 = 184, which is -72 in int8
			t.Fatalf("Sum of 3000 int8 ones = %d, want %d", got, want)
		}
	})
}

func TestSumOfSeedData(t *testing.T) {
	data := make([]int32, 100)
	for i := range data {
		data[i] = int32(i + 1)
	}
	if got := Sum(data); got != 5050 {
		t.Fatalf("Sum(1..=100) = %d, want 5050", got)
	}
}

// TestUnevenWork puts all the cost in a few elements at one end, where an
// even split without stealing would leave one goroutine with all of it.
func TestUnevenWork(t *testing.T) {
	eachMode(t, func(t *testing.T) {
		const n = 20_000
		in := ints(n)
		got := Map(in, func(v int) int {
			if v >= n-200 {
				spin(20 * time.Microsecond)
			}
			return v * 2
		})
		for i, v := range got {
			if v != 2*i {
				t.Fatalf("out[%d] = %d", i, v)
			}
		}
	})
}

func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

func TestStringsBuilderAcrossRuns(t *testing.T) {
	// A Reduce whose accumulator is a value type with a pointer inside.
	tune(t, modes[2])
	words := strings.Fields(strings.Repeat("a b c d e f g ", 500))
	got := Reduce(words, "",
		func(a, w string) string { return a + w },
		func(a, b string) string { return a + b })
	if want := strings.Join(words, ""); got != want {
		t.Fatalf("Reduce joined %d bytes, want %d", len(got), len(want))
	}
}

// TestSmallCostlyInputIsSplit: ten elements of which the first alone takes
// milliseconds are estimated to repay a helper after that first one, so a
// helper takes part. The caller waits in its next element until a helper has
// run one (a wide timeout turns a missing split into a failure, not a hang).
func TestSmallCostlyInputIsSplit(t *testing.T) {
	leak.Check(t)
	old := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(old)
	caller := goid.Current()
	helperRan := make(chan struct{})
	var once sync.Once
	var onHelper atomic.Int32
	out := Map(ints(10), func(v int) int {
		switch {
		case goid.Current() != caller:
			onHelper.Add(1)
			once.Do(func() { close(helperRan) })
		case v == 0:
			spin(2 * time.Millisecond) // timed alone: 9 more like it repay a split
		default:
			select {
			case <-helperRan:
			case <-time.After(10 * time.Second):
				t.Error("no helper took part in Map of 10 costly elements")
			}
		}
		return 2 * v
	})
	for i, v := range out {
		if v != 2*i {
			t.Fatalf("out[%d] = %d", i, v)
		}
	}
	if onHelper.Load() == 0 {
		t.Fatal("every element ran on the caller")
	}
}

// TestSplitDecidedOnOneProcRunsInline: when the estimate says a split pays
// but GOMAXPROCS is 1, the caller does the rest itself, with no goroutine.
func TestSplitDecidedOnOneProcRunsInline(t *testing.T) {
	leak.Check(t)
	old := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(old)
	caller := goid.Current()
	var elsewhere atomic.Int32
	got := Reduce(ints(5), 0, func(a, v int) int {
		if goid.Current() != caller {
			elsewhere.Add(1)
		}
		if v == 0 {
			spin(time.Millisecond)
		}
		return a + v
	}, func(a, b int) int { return a + b })
	if got != 10 || elsewhere.Load() != 0 {
		t.Fatalf("Reduce = %d with %d calls off the caller", got, elsewhere.Load())
	}
}

// TestTinyInputsRunOnTheCaller: one or two elements are never timed nor
// split, whatever they cost.
func TestTinyInputsRunOnTheCaller(t *testing.T) {
	leak.Check(t)
	caller := goid.Current()
	for _, n := range []int{0, 1, 2} {
		var elsewhere atomic.Int32
		check := func() {
			if goid.Current() != caller {
				elsewhere.Add(1)
			}
			spin(100 * time.Microsecond)
		}
		Map(ints(n), func(v int) int { check(); return v })
		ForEach(ints(n), func(int, int) { check() })
		Reduce(ints(n), 0, func(a, v int) int { check(); return a + v }, func(a, b int) int { return a + b })
		if elsewhere.Load() != 0 {
			t.Fatalf("n=%d: %d calls ran off the caller", n, elsewhere.Load())
		}
	}
}

// A batch doubles while it runs well under batchTarget, up to the cap, and
// keeps its size once it runs about that long, so that a first estimate
// far too high (one element per batch for elements of a few nanoseconds)
// is over after a few batches.
func TestBatchGrowsWhileShort(t *testing.T) {
	for _, c := range []struct {
		grain, maxGrain int
		took            time.Duration
		want            int
	}{
		{1, 1000, 0, 2},
		{600, 1000, time.Microsecond, 1000},
		{1000, 1000, 0, 1000},
		{8, 1000, batchTarget/2 - 1, 16},
		{8, 1000, batchTarget / 2, 8},
		{8, 1000, 10 * batchTarget, 8},
	} {
		if got := nextGrain(c.grain, c.maxGrain, c.took); got != c.want {
			t.Errorf("nextGrain(%d, %d, %v) = %d, want %d", c.grain, c.maxGrain, c.took, got, c.want)
		}
	}
}

// Batches grow only where timing may steer the run: under forceParallel
// (and a deterministic scheduler) every goroutine keeps the grain it was
// given.
func TestBatchesKeepTheirGrainWhenTimingMustNotSteer(t *testing.T) {
	body := func(w, lo, hi int) {}
	if r := newRunner(0, 1<<20, 2, 1, body); r.grain != 1 || r.maxGrain != 1<<20/32 {
		t.Errorf("grain %d, maxGrain %d: want 1 growing to %d", r.grain, r.maxGrain, 1<<20/32)
	}
	defer func(fp bool) { forceParallel = fp }(forceParallel)
	forceParallel = true
	if r := newRunner(0, 1<<20, 2, 1, body); r.grain != 1 || r.maxGrain != 1 {
		t.Errorf("under forceParallel: grain %d, maxGrain %d: want both 1", r.grain, r.maxGrain)
	}
}
