// Package spawnjoin is the seeds' first program: a spawned thread and the
// main thread print in turn, and Join waits for the spawned one to finish.
// Without the Join, the spawned thread could be cut off when main returns.
package spawnjoin

import (
	"fmt"
	"io"
	"time"

	"github.com/fearlessgo/fearless/thread"
)

// Run prints from two threads; the order of their lines varies.
func Run(w io.Writer) {
	handle := thread.Go(func() {
		for i := 1; i < 10; i++ {
			fmt.Fprintf(w, "hi number %d from the spawned thread!\n", i)
			thread.Sleep(time.Millisecond)
		}
	})
	for i := 1; i < 5; i++ {
		fmt.Fprintf(w, "hi number %d from the main thread!\n", i)
		thread.Sleep(time.Millisecond)
	}
	handle.Join()
	fmt.Fprintln(w, "All done")
}
