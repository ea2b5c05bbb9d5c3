package par

import (
	"math"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// costKey is f's key, as knownCheapCall computes it.
func costKey(f any) uint64 { return codeKey(reflect.ValueOf(f).Pointer()) }

// manualTimer stands for time.AfterFunc in a costMemory: it records the
// retime timer, which the test fires itself.
type manualTimer struct {
	after time.Duration
	fire  func()
	count int
}

func (m *manualTimer) afterFunc(d time.Duration, f func()) *time.Timer {
	m.after, m.fire = d, f
	m.count++
	return nil
}

// newTestMemory returns an empty memory whose timer fires only when the
// test says so.
func newTestMemory() (*costMemory, *manualTimer) {
	timer := new(manualTimer)
	return &costMemory{retimeAfter: time.Minute, afterFunc: timer.afterFunc}, timer
}

// remembered returns what m holds for key k, fresh or stale.
func (m *costMemory) remembered(k uint64) (perItem time.Duration, ok bool) {
	w := m.entries[k>>(64-costBits)].word.Load()
	return time.Duration(w & math.MaxUint32), w>>48 == k>>32&0xffff
}

func TestCostMemory(t *testing.T) {
	m, _ := newTestMemory()
	k := costKey(func(int) int { return 0 })
	if m.knownCheap(k, 10) {
		t.Fatal("a function never timed is known as cheap")
	}
	m.remember(k, 0.4)
	if d, ok := m.remembered(k); !ok || d != 1 {
		t.Fatalf("remembered %v, %v; want 1ns (rounded up)", d, ok)
	}
	for i := range 1000 {
		if !m.knownCheap(k, 10) {
			t.Fatalf("call %d: a function remembered as cheap is not known as cheap", i)
		}
	}
	if n := int(parallelMin / 4); m.knownCheap(k, n) {
		t.Errorf("%d elements of 1ns are known as cheap; that is a quarter of parallelMin", n)
	}
	m.expire()
	if m.knownCheap(k, 10) {
		t.Error("a stale cost is trusted")
	}
	m.remember(k, float64(time.Millisecond))
	if m.knownCheap(k, 3) {
		t.Error("a costly function is known as cheap")
	}
	other := k ^ 1<<40 // the same entry, another function
	m.remember(other, 1)
	if m.knownCheap(k, 3) {
		t.Error("another function's cost was taken for this one's")
	}
	if _, ok := m.remembered(k); ok {
		t.Error("the entry still names the function it no longer holds")
	}
}

// Remembering a cheap cost starts the retime timer, which makes the memory
// stale when it fires; the next cheap cost remembered starts it again. A
// cost that no call could skip the clock for starts none, and neither does
// a cheap one while the timer is pending.
func TestCostsGoStale(t *testing.T) {
	m, timer := newTestMemory()
	k := costKey(func(int) int { return 0 })
	m.remember(k, float64(time.Millisecond))
	if timer.count != 0 {
		t.Fatal("remembering a costly function started the retime timer")
	}
	for round := 1; round <= 2; round++ {
		m.remember(k, 1)
		m.remember(k, 1)
		if timer.count != round || timer.after != m.retimeAfter {
			t.Fatalf("round %d: %d timers started (after %v); want %d, after %v", round, timer.count, timer.after, round, m.retimeAfter)
		}
		if !m.knownCheap(k, 1) {
			t.Fatalf("round %d: a cost just remembered is not trusted", round)
		}
		timer.fire()
		if m.knownCheap(k, 1) {
			t.Fatalf("round %d: a cost is trusted after the timer fired", round)
		}
		if m.armed.Load() {
			t.Fatalf("round %d: the timer is still marked pending after it fired", round)
		}
	}
}

// A function remembered as cheap whose elements become costly (a closure
// of the same code over other data) is timed again once its cost is stale,
// and its new cost remembered, so that its small inputs split again.
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
	if d, ok := costs.remembered(k); !ok || d > time.Microsecond {
		t.Fatalf("after cheap calls the memory holds %v, %v", d, ok)
	}
	cost.Store(int64(time.Millisecond))
	costs.expire() // as the timer does
	Map(ints(3), f)
	if d, ok := costs.remembered(k); !ok || d < time.Millisecond {
		t.Fatalf("the first call after the memory went stale left %v, %v; want the new cost, >= 1ms", d, ok)
	}
}

// Goroutines calling one function at once read and rewrite its entry while
// the memory goes stale under them; every call still gives every element.
func TestCostMemoryConcurrentUse(t *testing.T) {
	f := func(v int) int { return 2 * v }
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for n := range 200 {
				out := Map(ints(n%20), f)
				for i, v := range out {
					if v != 2*i {
						t.Errorf("Map(ints(%d))[%d] = %d", n%20, i, v)
						return
					}
				}
			}
		})
	}
	wg.Go(func() {
		for range 200 {
			costs.expire()
		}
	})
	wg.Wait()
}
