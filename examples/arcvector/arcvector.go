// Package arcvector is the seeds' Arc example: four threads print one
// vector they share read-only, each through its own clone of the Arc.
package arcvector

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Run prints the vector from four threads, in any order, then from main.
func Run(w io.Writer) {
	v := shared.NewArc([]int{10, 20, 30}, nil)
	var handles []*thread.JoinHandle[struct{}]
	for range 4 { // Rust's 1..5
		v := v.Clone()
		handles = append(handles, thread.Go(func() {
			defer v.Drop()
			threadID := thread.Current().ID()
			fmt.Fprintf(w, "ThreadId(%d): %v\n", threadID, v)
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	fmt.Fprintf(w, "v: %v\n", v)
}
