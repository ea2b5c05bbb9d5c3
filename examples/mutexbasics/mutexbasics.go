// Package mutexbasics is the seeds' first Mutex: the value lives inside the
// lock, and the only way to it is the guard that Lock returns.
package mutexbasics

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/shared"
)

// Run sets the guarded value to 6 and prints the Mutex as Rust's {:?} does.
func Run(w io.Writer) {
	m := shared.NewMutex(5)
	{
		// Rust drops the guard at the end of the block; Go says so.
		num, _ := m.Lock() // the error would be ErrPoisoned; nothing panicked here
		*num.Get() = 6
		num.Unlock()
	}
	fmt.Fprintf(w, "m = %v\n", m)
}
