// Package sendsync is the tour's "Send and Sync" chapter. Rust marks what may
// move to another thread (Send) and what may be shared between threads
// (Sync), and its compiler rejects the rest. Go's compiler checks neither:
// any value may be captured by a goroutine or sent on a channel. What Go
// does catch, and what fearless adds, is shown here by running it.
package sendsync

import (
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Run prints what each layer checks and demonstrates fearless's part.
func Run(w io.Writer) {
	fmt.Fprint(w, `Who stops a data race?
  Rust compiler: Send/Sync reject sharing Rc<T>, Cell<T>, raw pointers between threads.
  Go compiler:   nothing; a goroutine may capture anything (channel element types are checked).
  go vet:        copylocks flags a copied lock, shared.Mutex included (it carries a noCopy marker).
  go test -race: reports racing accesses, on the interleavings that happened to run.
  fearless:      data reachable only through a lock's guard, values handed back by channels,
                 protocols checked by the compiler, deadlock detection, the schedule explorer.
`)
	mutexOwnsData(w)
	sendMovesValues(w)
	arcInsteadOfRc(w)
}

// Mutex<T> is Sync: threads share it, and the only way to the counter is the
// guard, so there is no unguarded access to forget.
func mutexOwnsData(w io.Writer) {
	counter := shared.NewMutex(0)
	thread.Scope(func(s *thread.ScopeHandle) struct{} {
		for range 8 {
			s.Go(func() {
				for range 1000 {
					counter.With(func(n *int) { *n++ })
				}
			})
		}
		return struct{}{}
	})
	fmt.Fprintf(w, "8 threads x 1000 increments through Mutex[int]: %v\n", counter)
}

// Sending moves a value in Rust. A Go send copies it, and if the receiver is
// gone fearless hands it back instead of blocking or panicking.
func sendMovesValues(w io.Writer) {
	tx, rx := mpsc.Channel[string]()
	rx.Close()
	err := tx.Send("report.txt")
	var back *mpsc.SendError[string]
	if errors.As(err, &back) && errors.Is(err, mpsc.ErrDisconnected) {
		fmt.Fprintf(w, "send to a closed receiver: the value %q comes back in the error\n", back.Value)
	}
	tx.Close()
}

// Rc<T> is not Send; Arc<T> is. Go's garbage collector makes both
// unnecessary for memory, but a resource that must be released when its last
// user is done (a file, a connection) still wants a count: shared.Arc runs
// its release function once, after the last handle is dropped.
func arcInsteadOfRc(w io.Writer) {
	var releases atomic.Int32
	conn := shared.NewArc("db connection", func(string) { releases.Add(1) })
	var handles []*thread.JoinHandle[struct{}]
	for range 4 {
		mine := conn.Clone()
		handles = append(handles, thread.Go(func() { _ = *mine.Get(); mine.Drop() }))
	}
	conn.Drop()
	for _, h := range handles {
		h.Join()
	}
	fmt.Fprintf(w, "Arc shared by 5 handles: released %d time(s), after the last Drop\n", releases.Load())
}
