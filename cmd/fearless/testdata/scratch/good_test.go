package scratch

import (
	"context"
	"sync"
	"testing"
	"time"
)

// A pipeline that stops on cancel, with a timeout that never fires: correct.
func TestPipeline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan int, 2)
	out := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for v := range in {
			select {
			case out <- v * 2:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer close(in)
		for i := range 3 {
			in <- i
		}
	}()
	sum := 0
	for v := range out {
		sum += v
	}
	wg.Wait()
	if sum != 6 {
		t.Fatalf("sum %d, want 6", sum)
	}
}

// A test that sleeps to let a goroutine finish is not reported: time
// advances only when every goroutine is blocked.
func TestSleepThenCheck(t *testing.T) {
	var mu sync.Mutex
	done := false
	go func() {
		mu.Lock()
		done = true
		mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if !done {
		t.Error("the goroutine did not run while the test slept")
	}
}

// A worker that stops at the deadline of its context.
func TestTimeout(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	ticks := time.NewTicker(100 * time.Millisecond)
	defer ticks.Stop()
	n := 0
	for {
		select {
		case <-ticks.C:
			n++
		case <-ctx.Done():
			if n == 0 {
				t.Error("no tick before the deadline")
			}
			return
		}
	}
}
