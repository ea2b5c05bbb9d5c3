// Package tryrecv polls a channel without blocking (TryRecv) and waits on it
// with a limit (RecvTimeout). Rust matches on TryRecvError::Empty and
// ::Disconnected; Go tests the error with errors.Is.
package tryrecv

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
)

// Timeout is how long RecvTimeout waits: a second in the seed, shorter
// here.
var Timeout = 50 * time.Millisecond

// Run shows each outcome of TryRecv, then a RecvTimeout that times out.
func Run(w io.Writer) {
	tx, rx := mpsc.Channel[string]()
	defer rx.Close()

	poll := func() {
		msg, err := rx.TryRecv()
		switch {
		case err == nil:
			fmt.Fprintf(w, "Got: %s\n", msg)
		case errors.Is(err, mpsc.ErrEmpty):
			fmt.Fprintln(w, "Nothing yet")
		case errors.Is(err, mpsc.ErrDisconnected):
			fmt.Fprintln(w, "Channel closed")
		}
	}

	poll() // nothing sent, a sender still open

	msg, err := rx.RecvTimeout(Timeout)
	if err != nil {
		fmt.Fprintln(w, "Timed out")
	} else {
		fmt.Fprintf(w, "Got: %s\n", msg)
	}

	tx.Send("hello")
	poll()
	tx.Close()
	poll()
}
