// Package movevector shows Rust's `move` closure: the thread takes the
// vector. Go closures capture variables by reference, so the Go spelling of
// `move` is to hand the thread its own copy (or to stop using the variable):
// here the thread gets a clone, and main may change its own without a race.
package movevector

import (
	"fmt"
	"io"
	"slices"

	"github.com/fearlessgo/fearless/thread"
)

// Run moves a vector into a thread and prints it there.
func Run(w io.Writer) {
	v := []int{1, 2, 3}
	owned := slices.Clone(v) // what `move` gives the thread: its own value
	handle := thread.Go(func() {
		fmt.Fprintf(w, "Here's a vector: %v\n", owned)
	})
	v = nil // Rust's drop(v): fine, the thread does not share it
	handle.Join()
	fmt.Fprintf(w, "main's vector after the move: %v\n", v)
}
