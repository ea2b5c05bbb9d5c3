// Package parallelmap solves the seeds' first exercise, parallel_map: apply
// a function to each element in parallel and keep the results in order.
//
// Rust's signature needs T: Send, U: Send, F: Fn + Send + Clone + 'static so
// that the compiler can prove the threads share nothing unsafely. Go checks
// none of that: f must be safe to call from several goroutines at once, and
// the race detector (go test -race) is what catches it when it is not.
package parallelmap

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/fearlessgo/fearless/par"
	"github.com/fearlessgo/fearless/thread"
)

// ParallelMap is the exercise's parallel_map, by hand: one scoped thread per
// chunk, each writing its own part of the result, so no locks are needed.
func ParallelMap[T, U any](data []T, f func(T) U, threads int) []U {
	out := make([]U, len(data))
	if len(data) == 0 {
		return out
	}
	chunk := (len(data) + threads - 1) / threads
	thread.Scope(func(s *thread.ScopeHandle) struct{} {
		for lo := 0; lo < len(data); lo += chunk {
			hi := min(lo+chunk, len(data))
			s.Go(func() {
				for i := lo; i < hi; i++ {
					out[i] = f(data[i])
				}
			})
		}
		return struct{}{}
	})
	return out
}

// Run maps a few words to upper case both ways, and a larger input with
// par.Map, which is the library's answer to the exercise.
func Run(w io.Writer) {
	words := strings.Fields("fearless concurrency in go")
	fmt.Fprintf(w, "by hand: %q\n", ParallelMap(words, strings.ToUpper, 4))
	fmt.Fprintf(w, "par.Map: %q\n", par.Map(words, strings.ToUpper))

	// par.Map runs small inputs inline (splitting costs more than it
	// saves); this one is large enough to be split across the cores.
	numbers := make([]int, 200_000)
	for i := range numbers {
		numbers[i] = i
	}
	square := func(n int) int { return n * n }
	squares := par.Map(numbers, square)
	fmt.Fprintf(w, "par.Map squared %d numbers; squares[199999] = %d\n", len(squares), squares[199_999])
	fmt.Fprintf(w, "same as by hand: %v\n", slices.Equal(squares, ParallelMap(numbers, square, 4)))
}
