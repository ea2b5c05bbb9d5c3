// Package testhelper has test helpers in a file that is not a test file:
// they take the *testing.T the tests are given.
package testhelper

import (
	"sync"
	"testing"
)

// Check fails t unless ok.
func Check(t *testing.T, ok bool, what string) {
	t.Helper()
	if !ok {
		t.Errorf("not %s", what)
	}
}

// Parallel runs f n times at once and waits for them.
func Parallel(tb testing.TB, n int, f func(i int)) {
	tb.Helper()
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	wg.Wait()
}

// Short is testing.Short, from a file that is not a test file.
func Short() bool { return testing.Short() }
