package scratch

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// synctest's own example: Wait returns once the AfterFunc has run.
// Correct.
func TestSynctestAfterFunc(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		var mu sync.Mutex
		called := false
		context.AfterFunc(ctx, func() {
			mu.Lock()
			called = true
			mu.Unlock()
		})
		cancel()
		synctest.Wait()
		mu.Lock()
		defer mu.Unlock()
		if !called {
			t.Fatal("the AfterFunc did not run before Wait returned")
		}
	})
}

// Time passes only when every goroutine of the bubble is blocked, and
// Wait returns before it does. Correct.
func TestSynctestTimer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		fired := false
		time.AfterFunc(time.Second, func() {
			mu.Lock()
			fired = true
			mu.Unlock()
		})
		check := func(want bool) {
			synctest.Wait()
			mu.Lock()
			defer mu.Unlock()
			if fired != want {
				t.Fatalf("at %v: fired %v, want %v", time.Now(), fired, want)
			}
		}
		time.Sleep(time.Second - time.Nanosecond)
		check(false)
		time.Sleep(time.Nanosecond)
		check(true)
	})
}

// A goroutine of the bubble is left blocked: synctest.Test never returns.
// The bug: nobody receives what the worker sends.
func TestSynctestStuck(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		results := make(chan int)
		go func() { results <- 42 }()
		// forgot: <-results
	})
}
