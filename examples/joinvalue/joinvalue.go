// Package joinvalue sends a value back from a thread through its
// JoinHandle: Join returns what the function returned, 17 here, or the
// panic if it panicked. One thread is never joined: Rust's threads are
// daemon threads, and so are ours.
package joinvalue

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/thread"
)

// Run prints three greetings in any order, then the joined value.
func Run(w io.Writer) {
	detached := thread.Go(func() {
		fmt.Fprintln(w, "Hello from spawned thread")
	})
	joinHandle := thread.Spawn(func() int {
		fmt.Fprintln(w, "Hello from second spawned thread")
		return 17
	})
	fmt.Fprintln(w, "Hello from the main thread")

	switch x, err := joinHandle.Join(); err {
	case nil:
		fmt.Fprintf(w, "Second spawned thread returned %d\n", x)
	default:
		fmt.Fprintln(w, "Second spawned thread panicked")
	}
	detached.Join() // only so the tour's output stays in one piece
}
