// Package parallelsum is the seeds' parallel_sum: the slice 1..=100 split
// into chunks, each summed on its own thread, the partial sums joined and
// added. Then the same with par.Sum, which splits across GOMAXPROCS on its
// own, and only when the input is large enough for that to pay.
package parallelsum

import (
	"fmt"
	"io"
	"slices"

	"github.com/fearlessgo/fearless/par"
	"github.com/fearlessgo/fearless/thread"
)

// ParallelSum sums data on numThreads threads, as the seed does.
func ParallelSum(data []int32, numThreads int) int32 {
	chunkSize := (len(data) + numThreads - 1) / numThreads
	var handles []*thread.JoinHandle[int32]
	for chunk := range slices.Chunk(data, chunkSize) {
		// The seed copies each chunk (chunk.to_vec()) because a spawned
		// thread may not borrow from main. Go would let the threads read
		// data in place; the copy keeps each thread to its own data.
		chunk := slices.Clone(chunk)
		handles = append(handles, thread.Spawn(func() int32 {
			var sum int32
			for _, v := range chunk {
				sum += v
			}
			return sum
		}))
	}
	var total int32
	for _, h := range handles {
		sum, _ := h.Join() // these threads cannot panic
		total += sum
	}
	return total
}

// Run sums 1..=100 both ways.
func Run(w io.Writer) {
	data := make([]int32, 100)
	for i := range data {
		data[i] = int32(i + 1)
	}
	fmt.Fprintf(w, "Sum: %d\n", ParallelSum(data, 4))
	fmt.Fprintf(w, "Sum with par.Sum: %d\n", par.Sum(data))
}
