// Package forgotdrop is the seeds' classic mistake: threads get clones of
// the sender, but the original is never dropped, so `for msg := range
// rx.Iter()` never ends: one sender is still open. The program shows the
// hang safely, with a receive that gives up, then the fix: close the
// original right after spawning.
package forgotdrop

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Wait is how long the receiver waits before calling it a hang.
var Wait = 50 * time.Millisecond

// Run receives the three messages, shows the wait that would last forever,
// then closes the original sender and shows the loop end.
func Run(w io.Writer) {
	tx, rx := mpsc.Channel[string]()
	var handles []*thread.JoinHandle[struct{}]
	for i := range 3 {
		txClone := tx.Clone()
		handles = append(handles, thread.Go(func() {
			defer txClone.Close()
			txClone.Send(fmt.Sprintf("message from thread %d", i))
		}))
	}
	for _, h := range handles {
		h.Join()
	}

	// The mistake: tx is still open. Every clone is closed, every message
	// is in, and still the receiver is not told that nothing more comes.
	received := 0
	for {
		_, err := rx.RecvTimeout(Wait)
		if errors.Is(err, mpsc.ErrTimeout) {
			fmt.Fprintf(w, "got %d messages, then waited %v for more: rx.Iter() would block forever\n", received, Wait)
			break
		}
		received++
	}

	// The fix, Rust's drop(tx): close the original once the threads have
	// their clones.
	tx.Close()
	for range rx.Iter() {
	}
	_, err := rx.Recv()
	fmt.Fprintf(w, "after tx.Close(): %v, so the loop ends\n", err)
}
