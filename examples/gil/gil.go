// Package gil is the seeds' answer to Python's GIL: four threads each sum
// 0..10,000,000 and really run in parallel, as far as the machine has cores.
// It times one thread against four, first as goroutines on Go's M:N
// scheduler (green threads over a few OS threads), then pinned 1:1 to their
// own OS threads as Rust's std threads are (Builder.LockOSThread).
package gil

import (
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/fearlessgo/fearless/thread"
)

// N is how far each thread counts.
const N = 10_000_000

func work() int {
	total := 0
	for i := range N {
		total += i
	}
	return total
}

// Totals runs the work in n threads built by b and returns each thread's
// total and the wall time.
func Totals(n int, b thread.Builder) ([]int, time.Duration) {
	start := time.Now()
	handles := make([]*thread.JoinHandle[int], n)
	for i := range handles {
		h, err := thread.SpawnWith(b, work)
		if err != nil {
			panic(err)
		}
		handles[i] = h
	}
	totals := make([]int, n)
	for i, h := range handles {
		totals[i], _ = h.Join()
	}
	return totals, time.Since(start)
}

// Run prints the totals and the time for 1 and 4 threads, M:N then 1:1.
func Run(w io.Writer) {
	for _, model := range []struct {
		name string
		b    thread.Builder
	}{
		{"M:N goroutines", thread.NewBuilder()},
		{"1:1 OS threads", thread.NewBuilder().LockOSThread()},
	} {
		one, t1 := Totals(1, model.b)
		four, t4 := Totals(4, model.b)
		fmt.Fprintf(w, "%s, 1 thread:  total %d in %v\n", model.name, one[0], t1.Round(time.Millisecond))
		fmt.Fprintf(w, "%s, 4 threads: totals %v in %v\n", model.name, four, t4.Round(time.Millisecond))
		fmt.Fprintf(w, "%s: 4x the work took %.1fx the time on %d cores\n",
			model.name, float64(t4)/float64(t1), runtime.NumCPU())
	}
	fmt.Fprintln(w, "(no GIL: with 4 or more cores 4x the work takes about 1x the time)")
}
