package par

import (
	"math"
	"sync/atomic"
	"testing"
	"time"
)

// remembered returns what the cost memory holds for key k.
func remembered(k uint64) (perItem time.Duration, ok bool) {
	w := costs[k>>58%costSlots].word.Load()
	return time.Duration(w & math.MaxUint32), w>>32 == k>>32
}

func TestCostMemory(t *testing.T) {
	k := costKey(func(int) int { return 0 })
	if knownCheap(k, 10) {
		t.Fatal("a function never timed is known as cheap")
	}
	rememberCost(k, 0.4)
	if d, ok := remembered(k); !ok || d != 1 {
		t.Fatalf("remembered %v, %v; want 1ns (rounded up)", d, ok)
	}
	cheap := 0
	for range 2 * retimeEvery {
		if knownCheap(k, 10) {
			cheap++
		}
	}
	if cheap != 2*retimeEvery-2 {
		t.Errorf("%d of %d calls skipped the clock; want all but one in %d", cheap, 2*retimeEvery, retimeEvery)
	}
	if n := int(parallelMin / 4); knownCheap(k, n) && knownCheap(k, n) {
		t.Errorf("%d elements of 1ns are known as cheap; that is a quarter of parallelMin", n)
	}
	rememberCost(k, float64(time.Millisecond))
	if knownCheap(k, 3) || knownCheap(k, 3) {
		t.Error("a costly function is known as cheap")
	}
	other := k ^ 1<<40 // the same slot, another function
	rememberCost(other, 1)
	if knownCheap(k, 3) || knownCheap(k, 3) {
		t.Error("another function's cost was taken for this one's")
	}
	if _, ok := remembered(k); ok {
		t.Error("the slot still names the function it no longer holds")
	}
}

// A function remembered as cheap whose elements become costly (a closure
// of the same code over other data) is timed again within retimeEvery
// calls, and its new cost remembered, so that its small inputs split again.
func TestCheapFunctionIsRetimed(t *testing.T) {
	var cost atomic.Int64
	f := func(v int) int {
		spin(time.Duration(cost.Load()))
		return v
	}
	k := costKey(f)
	for range 3 {
		Map(ints(10), f)
	}
	if d, ok := remembered(k); !ok || d > time.Microsecond {
		t.Fatalf("after cheap calls the memory holds %v, %v", d, ok)
	}
	cost.Store(int64(time.Millisecond))
	for i := range retimeEvery + 1 {
		Map(ints(3), f)
		if d, ok := remembered(k); ok && d >= time.Millisecond {
			t.Logf("retimed after %d calls", i+1)
			return
		}
	}
	t.Fatalf("not retimed within %d calls", retimeEvery+1)
}
