package workloads

import (
	"runtime"
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	"github.com/fearlessgo/fearless/pool"
)

// fearless pool: New(W) (GOMAXPROCS for pool/100us), Go per task, Close
// waits for the queued work.
func init() {
	harness.Default.Register(harness.SideFearless, map[string]harness.Impl{
		"pool/throughput": fPool,
		"pool/100us":      fPoolBusy,
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

func fPoolBusy(n int) func() error {
	c := busyCalibration()
	return func() error {
		var done atomic.Uint64
		p := pool.New(runtime.GOMAXPROCS(0))
		for i := range n {
			if err := p.Go(func() { done.Add(c.task(i)) }); err != nil {
				p.Close()
				return err
			}
		}
		p.Close()
		return c.check(done.Load(), n)
	}
}
