// Package singlemessage is the seeds' first channel: a spawned thread sends
// one string and the main thread receives it. Send moves the value into the
// channel; in Go nothing stops the sender from using msg afterwards, so the
// habit to keep is Rust's: a value sent is no longer yours.
package singlemessage

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Run prints the one message received.
func Run(w io.Writer) {
	tx, rx := mpsc.Channel[string]()
	handle := thread.Go(func() {
		defer tx.Close()
		msg := "hi"
		if err := tx.Send(msg); err != nil {
			panic(err) // Rust's unwrap: only if the receiver is gone
		}
		// msg was moved by Send: do not use it here.
	})
	received, err := rx.Recv()
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(w, "Got: %s\n", received)
	handle.Join()
}
