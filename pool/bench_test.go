package pool

// Throughput of a pool against a bare goroutine per task, the Go idiom it
// replaces. Each op runs a whole batch of tasks and waits for all of them;
// ns/task is the op's time divided by the batch size. Compare with
//
//	benchstat -col /impl bench.txt
//
// Cross-library comparisons (ants, pond, conc) live in the bench module.

import (
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"
)

// burn does n steps of a xorshift: computation without memory traffic.
func burn(n int) uint64 {
	x := uint64(n) | 1
	for range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// steps100us is how many steps of burn take 100µs here, measured once: the
// fastest of several probes, the one least disturbed by other load.
var steps100us = sync.OnceValue(func() int {
	const probe = 1 << 16
	best := time.Duration(1 << 62)
	for range 20 {
		start := time.Now()
		if burn(probe) == 0 { // never: keeps the work from being optimised away
			panic("burn returned 0")
		}
		best = min(best, time.Since(start))
	}
	return max(1, int(probe*int64(100*time.Microsecond)/int64(max(best, 1))))
})

// work is a task of steps rounds of CPU work (about 100µs for steps100us
// rounds): a fixed amount of work, not a spin until the clock says 100µs
// passed, as a task the scheduler or the OS put aside would then end
// without doing its work, and the benchmark would measure the clock instead
// of how well the work is spread. Its result is checked so that the
// compiler cannot drop the work.
func work(steps int) {
	if burn(steps) == 0 { // xorshift never maps a non-zero x to 0
		panic("burn returned 0")
	}
}

func benchTasks(b *testing.B, tasks int, task func()) {
	workers := runtime.GOMAXPROCS(0)
	perTask := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tasks), "ns/task")
	}
	b.Run("impl=goroutine", func(b *testing.B) {
		for b.Loop() {
			var wg sync.WaitGroup
			wg.Add(tasks)
			for range tasks {
				go func() { task(); wg.Done() }()
			}
			wg.Wait()
		}
		perTask(b)
	})
	b.Run("impl=pool-go", func(b *testing.B) {
		p := New(workers)
		defer p.Close()
		for b.Loop() {
			var wg sync.WaitGroup
			wg.Add(tasks)
			for range tasks {
				p.Go(func() { task(); wg.Done() })
			}
			wg.Wait()
		}
		perTask(b)
	})
	b.Run("impl=pool-bounded", func(b *testing.B) {
		p := NewWithOptions(workers, QueueSize(1024))
		defer p.Close()
		for b.Loop() {
			var wg sync.WaitGroup
			wg.Add(tasks)
			for range tasks {
				p.Go(func() { task(); wg.Done() })
			}
			wg.Wait()
		}
		perTask(b)
	})
	b.Run("impl=pool-submit", func(b *testing.B) {
		p := New(workers)
		defer p.Close()
		for b.Loop() {
			var hs [1024]func() (struct{}, error)
			for i := 0; i < tasks; {
				n := min(len(hs), tasks-i)
				for j := range n {
					h, _ := Submit(p, func() struct{} { task(); return struct{}{} })
					hs[j] = h.Join
				}
				for j := range n {
					hs[j]()
				}
				i += n
			}
		}
		perTask(b)
	})
}

// BenchmarkTinyTasks: 1M tasks that each do ~10ns of work.
func BenchmarkTinyTasks(b *testing.B) {
	benchTasks(b, 1_000_000, func() { work(8) })
}

// BenchmarkTasks100us: 10k tasks of ~100µs of CPU work each; the ideal is
// 100µs / GOMAXPROCS per task.
func BenchmarkTasks100us(b *testing.B) {
	steps := steps100us() // before benchTasks starts any timer
	benchTasks(b, 10_000, func() { work(steps) })
}

// BenchmarkSubmitJoin is one Submit and Join at a time: the latency of a
// round trip through an idle pool, against spawning a thread.
func BenchmarkSubmitJoin(b *testing.B) {
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run("workers="+strconv.Itoa(workers)+"/impl=pool", func(b *testing.B) {
			p := New(workers)
			defer p.Close()
			for b.Loop() {
				h, _ := Submit(p, func() int { return 1 })
				h.Join()
			}
		})
	}
	b.Run("impl=goroutine", func(b *testing.B) {
		for b.Loop() {
			c := make(chan int, 1)
			go func() { c <- 1 }()
			<-c
		}
	})
}
