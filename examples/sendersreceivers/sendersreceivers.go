// Package sendersreceivers shows the two ends of a channel from one thread:
// values sent before anyone receives are buffered, and a cloned sender
// feeds the same receiver. Rust prints each recv() as Ok(10); Go returns the
// value and a nil error.
package sendersreceivers

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/mpsc"
)

// Run receives three values, the last through a clone of the sender.
func Run(w io.Writer) {
	tx, rx := mpsc.Channel[int]()
	defer rx.Close()
	defer tx.Close()

	tx.Send(10)
	tx.Send(20)
	v, err := rx.Recv()
	fmt.Fprintf(w, "Received: %d, err %v\n", v, err)
	v, err = rx.Recv()
	fmt.Fprintf(w, "Received: %d, err %v\n", v, err)

	tx2 := tx.Clone()
	defer tx2.Close()
	tx2.Send(30)
	v, err = rx.Recv()
	fmt.Fprintf(w, "Received: %d, err %v\n", v, err)
}
