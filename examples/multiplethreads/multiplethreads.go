// Package multiplethreads spawns five threads that each return i*i, and
// collects the results in order through their JoinHandles.
package multiplethreads

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/thread"
)

// Run prints one line per thread (in any order), then the results in order.
func Run(w io.Writer) {
	var handles []*thread.JoinHandle[int]
	for i := range 5 {
		handles = append(handles, thread.Spawn(func() int {
			fmt.Fprintf(w, "Thread %d running\n", i)
			return i * i
		}))
	}
	var results []int
	for _, h := range handles {
		v, err := h.Join()
		if err != nil {
			panic(err)
		}
		results = append(results, v)
	}
	fmt.Fprintf(w, "Results: %v\n", results)
}
