// Package exploreforgotdrop runs the seeds' "forgetting to drop the sender"
// under the schedule explorer. In Go the mistake is natural: defer
// tx.Close() closes the sender when the function returns, but the loop over
// the receiver before that never ends, because a sender is still open. The
// explorer reports it as a deadlock on the first schedule; closing tx
// before the loop, as the seeds' fix drops it, passes every schedule.
package exploreforgotdrop

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Forgot receives until every sender is gone, but its own sender is closed
// only when it returns.
func Forgot() {
	tx, rx := mpsc.Channel[string]()
	defer tx.Close() // too late: the loop below waits for it
	for i := range 2 {
		txClone := tx.Clone()
		thread.Go(func() {
			defer txClone.Close()
			txClone.Send(fmt.Sprintf("message from thread %d", i))
		})
	}
	for range rx.Iter() { //fearless:allow unclosedsender the tour shows the forgotten drop(tx)
	}
}

// Fixed closes its sender before the loop.
func Fixed() {
	tx, rx := mpsc.Channel[string]()
	for i := range 2 {
		txClone := tx.Clone()
		thread.Go(func() {
			defer txClone.Close()
			txClone.Send(fmt.Sprintf("message from thread %d", i))
		})
	}
	tx.Close() // drop(tx): the channel closes when the clones are gone
	n := 0
	for range rx.Iter() {
		n++
	}
	if n != 2 {
		panic(fmt.Sprintf("received %d messages, want 2", n))
	}
}

// Run explores both.
func Run(w io.Writer) {
	r := model.Explore(Forgot)
	if r.Failure == nil {
		fmt.Fprintf(w, "no failure in %d schedules\n", r.Schedules)
		return
	}
	fmt.Fprintf(w, "model.Explore found a %s after %d schedule(s):\n\n%s\n", r.Failure.Kind, r.Schedules, r.Failure.Report)
	fixed := model.Explore(Fixed)
	if fixed.Failure != nil {
		fmt.Fprintf(w, "the fix fails too:\n%s\n", fixed.Failure.Report)
		return
	}
	fmt.Fprintf(w, "tx.Close() before the loop: no failure in %d schedules (exhaustive: %v)\n", fixed.Schedules, fixed.Exhaustive)
}
