// Package boundedchannel is the unbounded program with mpsc.SyncChannel(3):
// the sender gets three messages ahead, then each Send waits until the main
// thread makes room.
package boundedchannel

import (
	"fmt"
	"io"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Pause is how long the main thread sleeps before it reads: 100ms in the
// seed, shorter here.
var Pause = 20 * time.Millisecond

// Run prints what the sender sent and what the main thread got.
func Run(w io.Writer) {
	tx, rx := mpsc.SyncChannel[string](3)
	handle := thread.Go(func() {
		defer tx.Close()
		id := thread.Current().ID()
		for i := 1; i < 10; i++ {
			if err := tx.Send(fmt.Sprintf("Message %d", i)); err != nil {
				panic(err)
			}
			fmt.Fprintf(w, "ThreadId(%d): sent Message %d\n", id, i)
		}
		fmt.Fprintf(w, "ThreadId(%d): done\n", id)
	})
	thread.Sleep(Pause)
	for msg := range rx.Iter() {
		fmt.Fprintf(w, "Main: got %s\n", msg)
	}
	handle.Join()
}
