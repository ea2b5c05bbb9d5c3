package testhelper

import (
	"sync"
	"testing"
)

func TestWithHelpers(t *testing.T) {
	var mu sync.Mutex
	sum := 0
	Parallel(t, 3, func(i int) {
		mu.Lock()
		sum += i
		mu.Unlock()
	})
	Check(t, sum == 3, "three")
	Check(t, !Short() || testing.Short(), "short as testing says")
}
