// Package unboundedchannel shows that a send on an unbounded channel never
// waits: the spawned thread sends all its messages while the main thread is
// still asleep, and the channel holds them until the main thread reads.
package unboundedchannel

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
	tx, rx := mpsc.Channel[string]()
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
