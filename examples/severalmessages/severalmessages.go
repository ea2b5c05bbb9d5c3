// Package severalmessages sends several messages with a pause between them
// and receives them by ranging over rx.Iter(), Rust's `for received in rx`.
// The loop ends when the spawned thread closes its sender, Rust's drop at
// the end of the closure.
package severalmessages

import (
	"fmt"
	"io"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Pause is the wait between two messages: 200ms in the seed, shorter here so
// the tour stays quick.
var Pause = 20 * time.Millisecond

// Run prints each message as it arrives, then that the channel closed.
func Run(w io.Writer) {
	tx, rx := mpsc.Channel[string]()
	handle := thread.Go(func() {
		defer tx.Close() // tx is dropped here, closing the channel
		for _, msg := range []string{"hi", "from", "the", "thread"} {
			if err := tx.Send(msg); err != nil {
				panic(err)
			}
			thread.Sleep(Pause)
		}
	})
	for received := range rx.Iter() {
		fmt.Fprintf(w, "Got: %s\n", received)
	}
	fmt.Fprintln(w, "Channel closed")
	handle.Join()
}
