// Package deadlock is the seeds' deadlock in plain Go: two goroutines
// take two mutexes in opposite orders. go test passes it nearly every
// time; fearless test finds the schedule that deadlocks.
package deadlock

import (
	"sync"
	"testing"
)

func TestLockOrder(t *testing.T) {
	var lockA, lockB sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		lockA.Lock() // locks A first
		defer lockA.Unlock()
		lockB.Lock() // then tries to lock B
		defer lockB.Unlock()
	}()
	go func() {
		defer wg.Done()
		lockB.Lock() // locks B first
		defer lockB.Unlock()
		lockA.Lock() // then tries to lock A
		defer lockA.Unlock()
	}()
	wg.Wait()
}
