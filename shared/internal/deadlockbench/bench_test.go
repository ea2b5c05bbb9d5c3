// Package deadlockbench compares fearless's deadlock detection with
// github.com/sasha-s/go-deadlock on the same workloads. It is a module of
// its own so that the fearless module does not depend on go-deadlock.
//
//	cd shared/internal/deadlockbench
//	GOWORK=off go test -run '^$' -bench . -count 10 | tee out.txt
//	benchstat -col /impl out.txt
//
// (GOWORK=off because the repository's go.work does not list this module.)
package deadlockbench

import (
	"io"
	"sync"
	"testing"

	"github.com/fearlessgo/fearless/shared"
	deadlock "github.com/sasha-s/go-deadlock"
)

func init() {
	// Lock-order checking only, as fearless does: no timeout watchdog, and
	// reports (there are none here) go nowhere.
	deadlock.Opts.DeadlockTimeout = 0
	deadlock.Opts.LogBuf = io.Discard
}

// withFearless runs f with fearless's detection on.
func withFearless(b *testing.B, f func(b *testing.B)) {
	stop := shared.DetectDeadlocks(func(*shared.DeadlockReport) {})
	defer stop()
	f(b)
}

func BenchmarkLockUnlock(b *testing.B) {
	b.Run("impl=fearless", func(b *testing.B) {
		withFearless(b, func(b *testing.B) {
			m := shared.NewMutex(0)
			for b.Loop() {
				g, _ := m.Lock()
				*g.Get()++
				g.Unlock()
			}
		})
	})
	b.Run("impl=go-deadlock", func(b *testing.B) {
		var mu deadlock.Mutex
		n := 0
		for b.Loop() {
			mu.Lock()
			n++
			mu.Unlock()
		}
	})
}

func BenchmarkNested(b *testing.B) {
	b.Run("impl=fearless", func(b *testing.B) {
		withFearless(b, func(b *testing.B) {
			m1, m2 := shared.NewMutex(0), shared.NewMutex(0)
			for b.Loop() {
				g1, _ := m1.Lock()
				g2, _ := m2.Lock()
				*g2.Get()++
				g2.Unlock()
				g1.Unlock()
			}
		})
	})
	b.Run("impl=go-deadlock", func(b *testing.B) {
		var mu1, mu2 deadlock.Mutex
		n := 0
		for b.Loop() {
			mu1.Lock()
			mu2.Lock()
			n++
			mu2.Unlock()
			mu1.Unlock()
		}
	})
}

// BenchmarkParallel has every proc lock and unlock its own mutex: nothing
// is shared but the detector.
func BenchmarkParallel(b *testing.B) {
	b.Run("impl=fearless", func(b *testing.B) {
		withFearless(b, func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				m := shared.NewMutex(0)
				for pb.Next() {
					g, _ := m.Lock()
					*g.Get()++
					g.Unlock()
				}
			})
		})
	})
	b.Run("impl=go-deadlock", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			var mu deadlock.Mutex
			n := 0
			for pb.Next() {
				mu.Lock()
				n++
				mu.Unlock()
			}
		})
	})
}

// BenchmarkManyHeld takes one lock while 64 other goroutines each hold a
// lock of their own.
func BenchmarkManyHeld(b *testing.B) {
	const others = 64
	hold := func(lock, unlock func()) (release func()) {
		var ready, done sync.WaitGroup
		quit := make(chan struct{})
		for range others {
			ready.Add(1)
			done.Add(1)
			go func() {
				defer done.Done()
				lock()
				ready.Done()
				<-quit
				unlock()
			}()
		}
		ready.Wait()
		return func() { close(quit); done.Wait() }
	}
	b.Run("impl=fearless", func(b *testing.B) {
		withFearless(b, func(b *testing.B) {
			ms := make(chan *shared.MutexGuard[int], others)
			release := hold(func() {
				g, _ := shared.NewMutex(0).Lock()
				ms <- g
			}, func() { (<-ms).Unlock() })
			defer release()
			m := shared.NewMutex(0)
			for b.Loop() {
				g, _ := m.Lock()
				*g.Get()++
				g.Unlock()
			}
		})
	})
	b.Run("impl=go-deadlock", func(b *testing.B) {
		ms := make(chan *deadlock.Mutex, others)
		release := hold(func() {
			mu := new(deadlock.Mutex)
			mu.Lock()
			ms <- mu
		}, func() { (<-ms).Unlock() })
		defer release()
		var mu deadlock.Mutex
		n := 0
		for b.Loop() {
			mu.Lock()
			n++
			mu.Unlock()
		}
	})
}
