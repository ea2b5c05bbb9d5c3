// Package rendezvous uses mpsc.SyncChannel(0), a channel with no buffer:
// every Send waits until a receiver takes the value, so sender and
// receiver meet for each message.
package rendezvous

import (
	"fmt"
	"io"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Pause is how long the receiver dawdles before each receive, long enough
// to see the sender wait.
var Pause = 5 * time.Millisecond

// Run passes three values hand to hand.
func Run(w io.Writer) {
	tx, rx := mpsc.SyncChannel[int](0)
	handle := thread.Go(func() {
		defer tx.Close()
		for i := 1; i <= 3; i++ {
			if err := tx.Send(i); err != nil {
				panic(err)
			}
			fmt.Fprintf(w, "sender: %d was taken\n", i)
		}
	})
	for i := 1; i <= 3; i++ {
		thread.Sleep(Pause)
		fmt.Fprintf(w, "receiver: ready for %d\n", i)
		v, err := rx.Recv()
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(w, "receiver: got %d\n", v)
	}
	handle.Join()
}
