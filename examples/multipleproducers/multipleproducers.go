// Package multipleproducers gives each of three threads its own clone of
// the sender. The receiving loop ends once every handle is closed: the
// clones when their threads end, the original by hand right after spawning.
package multipleproducers

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Run prints the three messages, in the order they arrive.
func Run(w io.Writer) {
	tx, rx := mpsc.Channel[string]()
	var handles []*thread.JoinHandle[struct{}]
	for i := range 3 {
		txClone := tx.Clone() // a sender for each thread
		handles = append(handles, thread.Go(func() {
			defer txClone.Close()
			if err := txClone.Send(fmt.Sprintf("message from thread %d", i)); err != nil {
				panic(err)
			}
		}))
	}
	// Drop the original sender, so that the channel closes when the
	// clones do.
	tx.Close()
	for received := range rx.Iter() {
		fmt.Fprintf(w, "Got: %s\n", received)
	}
	for _, h := range handles {
		h.Join()
	}
}
