package workloads

import (
	"fmt"
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	"github.com/fearlessgo/fearless/shared"
)

// fearless with its deadlock detector on (shared.DetectDeadlocks), on the
// deadlock detection group and the detection curve.
func init() {
	t := map[string]harness.Impl{
		"deadlock/lock":      fDetecting(fMutexUncontended),
		"deadlock/nested":    fDetecting(fLockChain(2)),
		"deadlock/parallel":  fDetecting(fOwnLocks),
		"deadlock/many-held": fDetecting(fManyHeld),
	}
	for _, l := range scaleLocks {
		t[scaleDeadlockName(l)] = fDetecting(fLockChain(l))
	}
	harness.Default.Register(harness.SideFearless, t)
}

// fDetecting runs impl, setup included, with detection on, and turns it
// off once the run has been timed (forgetting the order graph costs time
// that grows with it). A report is a wrong result: no workload takes locks
// in a cycle.
func fDetecting(impl harness.Impl) harness.Impl {
	return func(n int) func() error {
		var reports atomic.Int64
		harness.AfterRun(shared.DetectDeadlocks(func(*shared.DeadlockReport) { reports.Add(1) }))
		run := impl(n)
		return func() error {
			if err := run(); err != nil {
				return err
			}
			if r := reports.Load(); r > 0 {
				return fmt.Errorf("detector reported %d potential deadlock(s) where locks are taken in one order", r)
			}
			return nil
		}
	}
}

// fLockChain: l locks taken once in a chain, each while holding the one
// before (l-1 edges in the order graph, set up untimed); then n times a
// neighbouring pair of the chain, the second while holding the first.
func fLockChain(l int) harness.Impl {
	return func(n int) func() error {
		locks := make([]*shared.Mutex[int], l)
		for i := range locks {
			locks[i] = shared.NewMutex(0)
		}
		x := 0 // counted while both locks are held, as the Go side does
		pair := func(i int) error {
			a, err := locks[i].Lock()
			if err != nil {
				return err
			}
			b, err := locks[i+1].Lock()
			if err != nil {
				a.Unlock()
				return err
			}
			x++
			b.Unlock()
			a.Unlock()
			return nil
		}
		for i := range l - 1 {
			if err := pair(i); err != nil {
				panic(err) // fresh locks are never poisoned
			}
		}
		return func() error {
			x = 0
			for k := range n {
				if err := pair(k % (l - 1)); err != nil {
					return err
				}
			}
			return checkCount(x, n)
		}
	}
}

// fOwnLocks: T threads each lock, increment, unlock a Mutex of their own
// (fMutexUncontended makes one per call).
func fOwnLocks(n int) func() error {
	return func() error { return fAll(fMutexUncontended(n / T)) }
}

// fManyHeld: fMutexUncontended while manyHeld goroutines each hold a Mutex
// of their own.
func fManyHeld(n int) func() error {
	holdMany(func() func() {
		g, err := shared.NewMutex(0).Lock()
		if err != nil {
			panic(err) // a fresh lock is never poisoned
		}
		return g.Unlock
	})
	return fMutexUncontended(n)
}
