package thread

import (
	"fmt"
	"runtime/debug"
	"sync"
	"testing"
)

// BenchmarkSpawnJoin compares starting and joining one thread with the Go
// built-ins doing the same: a goroutine and a WaitGroup, and a goroutine
// that also catches its panic, as conc's WaitGroup does.
func BenchmarkSpawnJoin(b *testing.B) {
	b.Run("impl=fearless", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			h := Spawn(func() int { return 1 })
			h.Join()
		}
	})
	b.Run("impl=go+waitgroup", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var wg sync.WaitGroup
			wg.Add(1)
			go func() { defer wg.Done() }()
			wg.Wait()
		}
	})
	b.Run("impl=go+waitgroup+recover", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var wg sync.WaitGroup
			var caught any
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() {
					if r := recover(); r != nil {
						caught = fmt.Sprint(r, debug.Stack())
					}
				}()
			}()
			wg.Wait()
			_ = caught
		}
	})
}

// BenchmarkSpawnJoinMany starts 100 threads, then joins them all.
func BenchmarkSpawnJoinMany(b *testing.B) {
	const n = 100
	b.Run("impl=fearless", func(b *testing.B) {
		b.ReportAllocs()
		handles := make([]*JoinHandle[int], n)
		for b.Loop() {
			for i := range handles {
				handles[i] = Spawn(func() int { return i })
			}
			for _, h := range handles {
				h.Join()
			}
		}
	})
	b.Run("impl=go+waitgroup", func(b *testing.B) {
		b.ReportAllocs()
		results := make([]int, n)
		for b.Loop() {
			var wg sync.WaitGroup
			for i := range results {
				wg.Add(1)
				go func() { defer wg.Done(); results[i] = i }()
			}
			wg.Wait()
		}
	})
}

// BenchmarkScope8 runs a scope of 8 threads.
func BenchmarkScope8(b *testing.B) {
	b.Run("impl=fearless", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Scope(func(s *ScopeHandle) int {
				for range 8 {
					s.Go(func() {})
				}
				return 0
			})
		}
	})
	b.Run("impl=go+waitgroup", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var wg sync.WaitGroup
			for range 8 {
				wg.Add(1)
				go func() { defer wg.Done() }()
			}
			wg.Wait()
		}
	})
}

func BenchmarkCurrent(b *testing.B) {
	Spawn(func() int {
		for b.Loop() {
			Current()
		}
		return 0
	}).Join()
}
