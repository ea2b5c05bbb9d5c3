package workloads

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	deadlock "github.com/sasha-s/go-deadlock"
)

// go-deadlock: drop-in Mutex and RWMutex that record lock order and time
// out long waits. Measured with its defaults (detection on), which is how it
// is used; fearless's own detector is off by default and costs nothing then.
func init() {
	harness.Default.Register(harness.SideDeadlock, map[string]harness.Impl{
		"mutex/uncontended":      dlMutexUncontended,
		"mutex/contended":        dlMutexContended(T),
		"rwlock/read":            dlRWRead,
		"rwlock/read-contended":  dlRWReadContended,
		"rwlock/mixed-contended": dlRWMixed,
	})
}

func dlMutexUncontended(n int) func() error {
	return func() error {
		var mu deadlock.Mutex
		x := 0
		for range n {
			mu.Lock()
			x++
			mu.Unlock()
		}
		return checkCount(x, n)
	}
}

// dlMutexContended: lockers goroutines lock, increment, unlock.
func dlMutexContended(lockers int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			var mu deadlock.Mutex
			x := 0
			per := n / lockers
			var wg sync.WaitGroup
			for range lockers {
				wg.Go(func() {
					for range per {
						mu.Lock()
						x++
						mu.Unlock()
					}
				})
			}
			wg.Wait()
			return checkCount(x, per*lockers)
		}
	}
}

func dlRWRead(n int) func() error {
	return func() error {
		var mu deadlock.RWMutex
		x, sum := 1, 0
		for range n {
			mu.RLock()
			sum += x
			mu.RUnlock()
		}
		return checkCount(sum, n)
	}
}

func dlRWReadContended(n int) func() error {
	return func() error {
		var mu deadlock.RWMutex
		x := 1
		per := n / T
		var total atomic.Int64
		var wg sync.WaitGroup
		for range T {
			wg.Go(func() {
				sum := 0
				for range per {
					mu.RLock()
					sum += x
					mu.RUnlock()
				}
				total.Add(int64(sum))
			})
		}
		wg.Wait()
		return checkCount(int(total.Load()), per*T)
	}
}

func dlRWMixed(n int) func() error {
	return func() error {
		var mu deadlock.RWMutex
		x := 0
		per := n / T
		var wg sync.WaitGroup
		for range T {
			wg.Go(func() {
				seen := 0
				for i := range per {
					if i%10 == 0 {
						mu.Lock()
						x++
						mu.Unlock()
					} else {
						mu.RLock()
						seen += x
						mu.RUnlock()
					}
				}
				runtime.KeepAlive(seen)
			})
		}
		wg.Wait()
		return checkCount(x, wantWrites(per))
	}
}
