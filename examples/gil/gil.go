// Package gil is the seeds' answer to Python's GIL: four threads each sum
// 0..10,000,000 and really run in parallel, as far as the machine has cores.
// It times one thread against four.
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

// Totals runs the work in n threads and returns each thread's total and the
// wall time.
func Totals(n int) ([]int, time.Duration) {
	start := time.Now()
	handles := make([]*thread.JoinHandle[int], n)
	for i := range handles {
		handles[i] = thread.Spawn(work)
	}
	totals := make([]int, n)
	for i, h := range handles {
		totals[i], _ = h.Join()
	}
	return totals, time.Since(start)
}

// Run prints the totals and the time for 1 and 4 threads.
func Run(w io.Writer) {
	one, t1 := Totals(1)
	four, t4 := Totals(4)
	fmt.Fprintf(w, "1 thread:  total %d in %v\n", one[0], t1.Round(time.Millisecond))
	fmt.Fprintf(w, "4 threads: totals %v in %v\n", four, t4.Round(time.Millisecond))
	fmt.Fprintf(w, "4x the work took %.1fx the time on %d cores (1.0x would be perfect parallelism)\n",
		float64(t4)/float64(t1), runtime.NumCPU())
}
