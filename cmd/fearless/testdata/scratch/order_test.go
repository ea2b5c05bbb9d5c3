package scratch

import (
	"math/rand"
	randv2 "math/rand/v2"
	"sync"
	"testing"
)

// Workers stopped in map order: worker a hands its last value to worker b
// when it stops, so b must still run when a is stopped. In the sorted
// order a stops first and all is well; when b stops first, a's hand-off
// blocks forever.
func TestStopOrder(t *testing.T) {
	handoff := make(chan int)
	quit := map[string]chan bool{"a": make(chan bool), "b": make(chan bool)}
	done := map[string]chan bool{"a": make(chan bool), "b": make(chan bool)}
	go func() {
		<-quit["a"]
		handoff <- 1
		close(done["a"])
	}()
	go func() {
		for {
			select {
			case <-handoff:
			case <-quit["b"]:
				close(done["b"])
				return
			}
		}
	}()
	for name, q := range quit {
		close(q)
		<-done[name]
	}
}

// A retry delay drawn at random is sometimes zero, which the code divides
// by.
func TestRandomDelay(t *testing.T) {
	var mu sync.Mutex
	tries := 0
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			delay := randv2.IntN(8)
			mu.Lock()
			tries++
			mu.Unlock()
			if delay == 0 {
				t.Errorf("a delay of 0 after %d tries: the backoff divides by it", tries)
			}
		}()
	}
	wg.Wait()
}

// Sums over a map and a shuffled slice do not depend on the order: correct.
func TestOrderFree(t *testing.T) {
	weights := map[string]int{"x": 1, "y": 2, "z": 3}
	sum := 0
	for _, w := range weights {
		sum += w
	}
	s := rand.Perm(4)
	for _, v := range s {
		sum += v
	}
	if sum != 12 {
		t.Errorf("sum %d, want 12", sum)
	}
}
