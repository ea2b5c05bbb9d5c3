// Package daemonthreads shows that threads are daemon threads: a program
// ends when main returns, and main does not wait for the threads it did
// not join. Here a thread would count to 9, one count for each time main
// takes one, but main takes four and is done: in a real program main would
// return and the count would stop there, wherever the thread was.
//
// For Go programmers: this is the go statement's rule too; Rust states it
// because its threads are OS threads, which one might expect to keep the
// process alive.
package daemonthreads

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Run lets the counting thread get to 5 and stops looking. The tour goes on
// after Run returns, so Run closes the channel, which stops the thread
// where a program's exit would have, and joins it, only so that the next
// example starts with no thread of this one left.
func Run(w io.Writer) {
	tx, rx := mpsc.SyncChannel[int](0) // a rendezvous: each count waits for main
	counter := thread.Go(func() {
		defer tx.Close()
		for i := 1; i < 10; i++ {
			fmt.Fprintf(w, "Count in thread: %d!\n", i)
			if tx.Send(i) != nil {
				return // main stopped looking: the count ends here
			}
		}
	})
	for range 4 {
		i, _ := rx.Recv()
		fmt.Fprintf(w, "Main thread: %d\n", i)
	}
	// A program's main would return here; the counting thread would not
	// get past the count it is at.
	rx.Close()
	counter.Join()
}
