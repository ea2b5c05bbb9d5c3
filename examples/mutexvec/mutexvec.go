// Package mutexvec is the seeds' Mutex around a vector: print it through a
// guard, push through another, print again.
package mutexvec

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/shared"
)

// Run prints the vector before and after the push.
func Run(w io.Writer) {
	v := shared.NewMutex([]int{10, 20, 30})
	printLocked(w, v)
	{
		guard, _ := v.Lock()
		*guard.Get() = append(*guard.Get(), 40)
		guard.Unlock()
	}
	printLocked(w, v)
}

// printLocked is Rust's println!("v: {:?}", v.lock().unwrap()): the
// temporary guard prints as the value it guards and is dropped at once.
func printLocked(w io.Writer, v *shared.Mutex[[]int]) {
	guard, _ := v.Lock()
	defer guard.Unlock()
	fmt.Fprintf(w, "v: %v\n", guard)
}
