package workloads

import (
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	"github.com/fearlessgo/fearless/thread"
)

// fearless thread: Spawn and Join, and Scope.
func init() {
	harness.Default.Register(harness.SideFearless, map[string]harness.Impl{
		"spawn/join":  fSpawnJoin,
		"spawn/scope": fSpawnScope,
	})
}

func fSpawnJoin(n int) func() error {
	return func() error {
		sum := 0
		var hs [T]*thread.JoinHandle[int]
		for b := range n / T {
			for i := range hs {
				v := b*T + i
				hs[i] = thread.Spawn(func() int { return v })
			}
			for _, h := range hs {
				v, err := h.Join()
				if err != nil {
					return err
				}
				sum += v
			}
		}
		return checkSum(sum, n/T*T)
	}
}

func fSpawnScope(n int) func() error {
	return func() error {
		var total atomic.Int64
		for b := range n / T {
			thread.Scope(func(s *thread.ScopeHandle) struct{} {
				for i := range T {
					s.Go(func() { total.Add(int64(b*T + i)) })
				}
				return struct{}{}
			})
		}
		return checkSum(int(total.Load()), n/T*T)
	}
}
