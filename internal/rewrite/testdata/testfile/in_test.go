package testfile

import (
	"fmt"
	"sync"
	"testing"
)

func TestCounter(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	wg.Wait()
	if c.N() != 3 {
		t.Errorf("N() = %d, want 3", c.N())
	}
}

func TestSubtests(t *testing.T) {
	for _, n := range []int{1, 2} {
		t.Run(fmt.Sprint("n=", n), func(t *testing.T) {
			var c Counter
			for range n {
				c.Inc()
			}
			t.Logf("counted %d", c.N())
			if c.N() != n {
				t.Fatalf("N() = %d, want %d", c.N(), n)
			}
		})
	}
}

// TestHelperCall calls another test function, which follows its renaming.
func TestHelperCall(t *testing.T) {
	TestCounter(t)
}

// helper is not a test: it keeps testing.TB.
func helper(tb testing.TB) { tb.Helper() }

func TestHelper(t *testing.T) {
	helper(t)
	done := make(chan bool)
	go func() {
		done <- true
	}()
	<-done
}

// Testable is not a test (a lower-case letter follows Test).
func Testable(t testing.TB) int { return 1 }

func BenchmarkInc(b *testing.B) {
	var c Counter
	for b.Loop() {
		c.Inc()
	}
}
