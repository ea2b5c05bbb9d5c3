package workloads

import (
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
)

// The Go built-ins' points of the scaling curves, and of the deadlock
// detection group: what the same work costs with no detector at all.
func init() {
	t := map[string]harness.Impl{}
	for _, f := range scaleChanFlavors() {
		for _, p := range scaleThreads {
			t[scaleChanName(f, p)] = goMPSC(scaleCapOf(f), p)
		}
	}
	for _, g := range scaleThreads {
		t[scaleMutexName(g)] = goMutexContended(g)
	}
	for _, l := range scaleLocks {
		t[scaleDeadlockName(l)] = goLockChain(l)
	}
	for _, k := range scaleExplore {
		t[scaleExploreName(k)] = goCounterRuns(k)
	}
	t["deadlock/lock"] = goMutexUncontended
	t["deadlock/nested"] = goLockChain(2)
	t["deadlock/parallel"] = goOwnLocks
	t["deadlock/many-held"] = goManyHeld
	harness.Default.Register(harness.SideGo, t)
}

// goLockChain: n times, take a neighbouring pair of a chain of l locks, the
// second while holding the first.
func goLockChain(l int) harness.Impl {
	return func(n int) func() error {
		// One allocation per lock, as on the other sides (see dlChain).
		locks := make([]*sync.Mutex, l)
		for i := range locks {
			locks[i] = new(sync.Mutex)
		}
		return func() error {
			x := 0
			for k := range n {
				i := k % (l - 1)
				locks[i].Lock()
				locks[i+1].Lock()
				x++
				locks[i+1].Unlock()
				locks[i].Unlock()
			}
			return checkCount(x, n)
		}
	}
}

// goOwnLocks: T goroutines each lock, increment, unlock a Mutex of their
// own (goMutexUncontended makes one per call).
func goOwnLocks(n int) func() error {
	return func() error { return goEach(T, goMutexUncontended(n/T)) }
}

// goEach runs body on k goroutines and returns the first error.
func goEach(k int, body func() error) error {
	var first atomic.Pointer[error]
	var wg sync.WaitGroup
	for range k {
		wg.Go(func() {
			if err := body(); err != nil {
				first.CompareAndSwap(nil, &err)
			}
		})
	}
	wg.Wait()
	if e := first.Load(); e != nil {
		return *e
	}
	return nil
}

// goManyHeld: goMutexUncontended while manyHeld goroutines each hold a
// Mutex of their own (set up untimed).
func goManyHeld(n int) func() error {
	holdMany(func() func() {
		mu := new(sync.Mutex)
		mu.Lock()
		return mu.Unlock
	})
	return goMutexUncontended(n)
}

// manyHeld is how many goroutines hold a lock in the many-held workload.
const manyHeld = 64

// holdMany starts manyHeld goroutines that each take a lock with lock (which
// returns its unlock) and hold it until the run has been timed; it returns
// once all of them hold theirs.
func holdMany(lock func() (unlock func())) {
	var ready, done sync.WaitGroup
	quit := make(chan struct{})
	ready.Add(manyHeld)
	for range manyHeld {
		done.Go(func() {
			unlock := lock()
			ready.Done()
			<-quit
			unlock()
		})
	}
	ready.Wait()
	harness.AfterRun(func() { close(quit); done.Wait() })
}

// counterProgram is the program of the explorer curve, written with the Go
// built-ins: k goroutines each lock, add one, unlock; then the count is k.
func counterProgram(k int) error {
	var mu sync.Mutex
	x := 0
	var wg sync.WaitGroup
	for range k {
		wg.Go(func() {
			mu.Lock()
			x++
			mu.Unlock()
		})
	}
	wg.Wait()
	return checkCount(x, k)
}

// goCounterRuns: n native runs of the k-goroutine counter.
func goCounterRuns(k int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			for range n {
				if err := counterProgram(k); err != nil {
					return err
				}
			}
			return nil
		}
	}
}
