package workloads

import (
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	"github.com/fearlessgo/fearless/pool"
)

// fearless pool: New(W), Go per task, Close waits for the queued work.
func init() {
	harness.Default.Register(harness.SideFearless, map[string]harness.Impl{
		"pool/throughput": fPool,
	})
}

func fPool(n int) func() error {
	return func() error {
		var done atomic.Int64
		p := pool.New(W)
		for i := range n {
			if err := p.Go(func() { done.Add(task(i)) }); err != nil {
				p.Close()
				return err
			}
		}
		p.Close()
		return checkTasks(done.Load(), n)
	}
}
