package scratch

import (
	"sync"
	"sync/atomic"
	"testing"
)

// The seeds' deadlock: two goroutines take two locks in opposite orders.
func TestLockOrder(t *testing.T) {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		defer wg.Done()
		b.Lock()
		a.Lock()
		a.Unlock()
		b.Unlock()
	}()
	wg.Wait()
}

// The seeds' forgotten drop(tx): the loop over the channel never ends,
// because the channel is never closed.
func TestForgotClose(t *testing.T) {
	ch := make(chan int)
	for i := range 2 {
		go func() { ch <- i }()
	}
	sum := 0
	for v := range ch {
		sum += v
	}
	_ = sum
}

// A goroutine left blocked on a send nobody receives.
func TestLeak(t *testing.T) {
	results := make(chan int)
	go func() { results <- 42 }()
	select {
	case <-results:
	default:
	}
}

// Two goroutines close the same channel when both see it open.
func TestDoubleClose(t *testing.T) {
	done := make(chan struct{})
	var closed atomic.Bool
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !closed.Load() {
				closed.Store(true)
				close(done)
			}
		}()
	}
	wg.Wait()
}

// A lost update: load and store are atomic, the increment is not.
func TestLostUpdate(t *testing.T) {
	var n atomic.Int64
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Store(n.Load() + 1)
		}()
	}
	wg.Wait()
	if got := n.Load(); got != 2 {
		t.Errorf("counter is %d, want 2", got)
	}
}

// A check in a goroutine, reported with t.Fatal, fails in the schedules
// where the worker runs before the setup it reads. The bug: nothing orders
// the two.
func TestFatalInGoroutine(t *testing.T) {
	var mu sync.Mutex
	ready := false
	done := make(chan struct{})
	go func() {
		defer close(done)
		mu.Lock()
		ok := ready
		mu.Unlock()
		if !ok {
			t.Fatal("the worker ran before the setup")
		}
	}()
	mu.Lock()
	ready = true
	mu.Unlock()
	<-done
}
