// Package twoproducers is the Rust book's "multiple producers" program:
// tx1 is a clone of tx, each of two threads takes one of them, and the
// receiving loop ends when both are closed. Go has no move, so each thread
// closes the handle it was given when it is done (Rust drops it at the end
// of the closure).
package twoproducers

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Run prints the eight messages as they arrive: each thread's in the order
// it sent them, the two threads' interleaved in any way.
func Run(w io.Writer) {
	tx, rx := mpsc.Channel[string]()

	tx1 := tx.Clone()
	first := thread.Go(func() {
		defer tx1.Close() // Rust drops tx1 here
		for _, val := range []string{"hi", "from", "the", "thread"} {
			tx1.Send(val)
		}
	})
	second := thread.Go(func() {
		defer tx.Close() // and tx here: the last sender
		for _, val := range []string{"more", "messages", "for", "you"} {
			tx.Send(val)
		}
	})

	for received := range rx.Iter() {
		fmt.Fprintf(w, "Got: %s\n", received)
	}
	first.Join()
	second.Join()
}
