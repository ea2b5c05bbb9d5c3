package workloads

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	deadlock "github.com/sasha-s/go-deadlock"
)

// go-deadlock on the deadlock detection group and the detection curve,
// with its lock-order checking only, as fearless's detector works: no
// timeout watchdog (which arms a timer at every Lock).
func init() {
	t := map[string]harness.Impl{
		"deadlock/lock":      dlOrderOnly(dlMutexUncontended),
		"deadlock/nested":    dlOrderOnly(dlLockChain(2)),
		"deadlock/parallel":  dlOrderOnly(dlOwnLocks),
		"deadlock/many-held": dlOrderOnly(dlManyHeld),
	}
	for _, l := range scaleLocks {
		t[scaleDeadlockName(l)] = dlOrderOnly(dlLockChain(l))
	}
	harness.Default.Register(harness.SideDeadlock, t)
}

// dlOrderOnly runs impl, setup included, with go-deadlock's timeout off
// and its reports counted instead of printed (by default a report exits
// the process), and restores its options once the run has been timed.
// Opts is meant to be set once at start; changing it between runs is safe
// because no go-deadlock lock is in use then (the harness runs one side at
// a time), and the other go-deadlock rows keep the defaults.
func dlOrderOnly(impl harness.Impl) harness.Impl {
	return func(n int) func() error {
		var reports atomic.Int64
		timeout, onReport, log := deadlock.Opts.DeadlockTimeout, deadlock.Opts.OnPotentialDeadlock, deadlock.Opts.LogBuf
		deadlock.Opts.DeadlockTimeout = 0
		deadlock.Opts.OnPotentialDeadlock = func() { reports.Add(1) }
		deadlock.Opts.LogBuf = io.Discard
		harness.AfterRun(func() {
			deadlock.Opts.DeadlockTimeout, deadlock.Opts.OnPotentialDeadlock, deadlock.Opts.LogBuf = timeout, onReport, log
		})
		run := impl(n)
		return func() error {
			if err := run(); err != nil {
				return err
			}
			if r := reports.Load(); r > 0 {
				return fmt.Errorf("go-deadlock reported %d potential deadlock(s) where locks are taken in one order", r)
			}
			return nil
		}
	}
}

// dlLockChain: fLockChain on go-deadlock's Mutex, the chain built once
// per process (see dlChain).
func dlLockChain(l int) harness.Impl {
	return func(n int) func() error {
		locks := dlChain(l)
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

// dlChains keeps the chains of dlLockChain, by length.
var dlChains struct {
	sync.Mutex
	m map[int][]*deadlock.Mutex
}

// dlChain returns l locks that have been taken once in a chain, each while
// holding the one before. It builds them at its first call for l and keeps
// them: go-deadlock records a nested acquisition again each time (it has
// no notion of a known edge), so a chain taken in an earlier run costs the
// timed loop what a new one would, and keeping it saves seconds of setup
// per run at 100,000 locks.
func dlChain(l int) []*deadlock.Mutex {
	dlChains.Lock()
	defer dlChains.Unlock()
	if locks, ok := dlChains.m[l]; ok {
		return locks
	}
	// One allocation per lock, as locks in a program are: go-deadlock
	// keeps a weak pointer per lock, and weak pointers into one object
	// (a []Mutex) cost time that grows with their number.
	locks := make([]*deadlock.Mutex, l)
	for i := range locks {
		locks[i] = new(deadlock.Mutex)
	}
	for i := range l - 1 {
		locks[i].Lock()
		locks[i+1].Lock()
		locks[i+1].Unlock() //lint:ignore SA2001 taking the pair in order is what records the edge
		locks[i].Unlock()
	}
	if dlChains.m == nil {
		dlChains.m = map[int][]*deadlock.Mutex{}
	}
	dlChains.m[l] = locks
	return locks
}

// dlOwnLocks: T goroutines each lock, increment, unlock a Mutex of their
// own (dlMutexUncontended makes one per call).
func dlOwnLocks(n int) func() error {
	return func() error { return goEach(T, dlMutexUncontended(n/T)) }
}

// dlManyHeld: dlMutexUncontended while manyHeld goroutines each hold a
// Mutex of their own.
func dlManyHeld(n int) func() error {
	holdMany(func() func() {
		mu := new(deadlock.Mutex)
		mu.Lock()
		return mu.Unlock
	})
	return dlMutexUncontended(n)
}
