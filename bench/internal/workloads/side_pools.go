package workloads

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/alitto/pond/v2"
	"github.com/fearlessgo/fearless/bench/internal/harness"
	"github.com/panjf2000/ants/v2"
	"github.com/sourcegraph/conc"
	conciter "github.com/sourcegraph/conc/iter"
	concpool "github.com/sourcegraph/conc/pool"
)

// The Go pool and structured-concurrency libraries, each on the workloads
// that are its job.
func init() {
	harness.Default.Register(harness.SideConc, map[string]harness.Impl{
		"spawn/scope":     concScope,
		"pool/throughput": concPool,
		"pool/100us":      concPoolBusy,
		"par/sum":         concParSum,
		"par/map":         concParMap,
	})
	harness.Default.Register(harness.SidePond, map[string]harness.Impl{
		"pool/throughput": pondPool,
		"pool/100us":      pondPoolBusy,
	})
	harness.Default.Register(harness.SideAnts, map[string]harness.Impl{
		"pool/throughput": antsPool,
		"pool/100us":      antsPoolBusy,
	})
}

func concScope(n int) func() error {
	return func() error {
		var total atomic.Int64
		for b := range n / T {
			wg := conc.NewWaitGroup()
			for i := range T {
				wg.Go(func() { total.Add(int64(b*T + i)) })
			}
			wg.Wait()
		}
		return checkSum(int(total.Load()), n/T*T)
	}
}

func concPool(n int) func() error {
	return func() error {
		var done atomic.Int64
		p := concpool.New().WithMaxGoroutines(W)
		for i := range n {
			p.Go(func() { done.Add(task(i)) })
		}
		p.Wait()
		return checkTasks(done.Load(), n)
	}
}

// concParSum: conc has no reduce; iter.Map over the chunks is how one sums.
func concParSum(n int) func() error {
	data, want := sumInput(n)
	return func() error {
		cs := chunks(len(data), runtime.GOMAXPROCS(0))
		parts := conciter.Map(cs, func(c *[2]int) int64 {
			var s int64
			for _, v := range data[c[0]:c[1]] {
				s += v
			}
			return s
		})
		var got int64
		for _, s := range parts {
			got += s
		}
		if got != want {
			return fmt.Errorf("sum %d, want %d", got, want)
		}
		return nil
	}
}

func concParMap(n int) func() error {
	data := mapInput(n)
	return func() error {
		out := conciter.Map(data, func(x *uint64) uint64 { return mix(*x) })
		return checkMap(out, n)
	}
}

func pondPool(n int) func() error {
	return func() error {
		var done atomic.Int64
		p := pond.NewPool(W)
		for i := range n {
			if err := p.Go(func() { done.Add(task(i)) }); err != nil {
				p.StopAndWait()
				return err
			}
		}
		p.StopAndWait()
		return checkTasks(done.Load(), n)
	}
}

func antsPool(n int) func() error {
	return func() error {
		var done atomic.Int64
		p, err := ants.NewPool(W)
		if err != nil {
			return err
		}
		defer p.Release()
		var wg sync.WaitGroup
		wg.Add(n)
		for i := range n {
			if err := p.Submit(func() { done.Add(task(i)); wg.Done() }); err != nil {
				return err
			}
		}
		wg.Wait()
		return checkTasks(done.Load(), n)
	}
}

// The pool/100us sides: the same pools with GOMAXPROCS workers, each task
// about 100 µs of CPU work.

func concPoolBusy(n int) func() error {
	c := busyCalibration()
	return func() error {
		var done atomic.Uint64
		p := concpool.New().WithMaxGoroutines(runtime.GOMAXPROCS(0))
		for i := range n {
			p.Go(func() { done.Add(c.task(i)) })
		}
		p.Wait()
		return c.check(done.Load(), n)
	}
}

func pondPoolBusy(n int) func() error {
	c := busyCalibration()
	return func() error {
		var done atomic.Uint64
		p := pond.NewPool(runtime.GOMAXPROCS(0))
		for i := range n {
			if err := p.Go(func() { done.Add(c.task(i)) }); err != nil {
				p.StopAndWait()
				return err
			}
		}
		p.StopAndWait()
		return c.check(done.Load(), n)
	}
}

func antsPoolBusy(n int) func() error {
	c := busyCalibration()
	return func() error {
		var done atomic.Uint64
		p, err := ants.NewPool(runtime.GOMAXPROCS(0))
		if err != nil {
			return err
		}
		defer p.Release()
		var wg sync.WaitGroup
		wg.Add(n)
		for i := range n {
			if err := p.Submit(func() { done.Add(c.task(i)); wg.Done() }); err != nil {
				return err
			}
		}
		wg.Wait()
		return c.check(done.Load(), n)
	}
}
