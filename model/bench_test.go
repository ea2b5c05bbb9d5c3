package model_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/shared"
)

// BenchmarkExploreCounter measures the explorer's speed on the 3-thread
// Mutex counter: one op is one schedule.
func BenchmarkExploreCounter(b *testing.B) {
	total := 0
	for b.Loop() {
		r := model.Explore(mutexCounter)
		total += r.Schedules
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "schedules/s")
}

// BenchmarkPointUninstalled is what every fearless operation pays for the
// seam when no explorer runs: one atomic load and a branch.
func BenchmarkPointUninstalled(b *testing.B) {
	x := new(int)
	for b.Loop() {
		sched.Point("bench", x)
	}
}

// BenchmarkAtomicLoadUninstalled and its sync/atomic twin show that the
// model path costs nothing outside the explorer.
func BenchmarkAtomicLoadUninstalled(b *testing.B) {
	var a shared.AtomicInt64
	for b.Loop() {
		a.Load(shared.Acquire)
	}
}

func BenchmarkMutexLockUnlockUninstalled(b *testing.B) {
	m := shared.NewMutex(0)
	for b.Loop() {
		g, _ := m.Lock()
		g.Unlock()
	}
}

// The same work on the Go built-ins, for comparison.
func BenchmarkSyncAtomicLoad(b *testing.B) {
	var a atomic.Int64
	for b.Loop() {
		a.Load()
	}
}

func BenchmarkSyncMutexLockUnlock(b *testing.B) {
	var m sync.Mutex
	for b.Loop() {
		m.Lock()
		m.Unlock() //lint:ignore SA2001 the lock and unlock are what is measured
	}
}
