// Package producerconsumer is the seeds' producer-consumer: the main thread
// produces 0 to 9, a spawned thread prints them. The consumer's loop is
// Rust's `while let Ok(n) = rx.recv()`; it ends when the producer closes
// its sender, and Join waits for the consumer to finish.
package producerconsumer

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Run prints "Received 0" to "Received 9" from the consumer thread.
func Run(w io.Writer) {
	tx, rx := mpsc.Channel[int]()
	consumer := thread.Go(func() {
		for {
			n, err := rx.Recv() // blocks until a value or disconnection
			if err != nil {
				break
			}
			fmt.Fprintf(w, "Received %d\n", n)
		}
	})
	for i := range 10 {
		if err := tx.Send(i); err != nil { // never blocks
			panic(err) // only if the consumer dropped its receiver
		}
	}
	tx.Close() // so that the consumer's Recv returns an error
	consumer.Join()
}
