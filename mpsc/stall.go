package mpsc

import (
	"runtime"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/backoff"
)

// Senders on a channel that does not fill (an unbounded one, or a bounded
// one with room for many values) never block, and Go's scheduler shares the
// processors equally among runnable goroutines: more senders than
// processors would leave the receiver a small share of one, and the buffer
// would grow as fast as they can send. So about once every yieldEvery
// values, a send looks at how far the receiver lags. When it lags more than
// yieldBacklog values and has not moved over two looks in a row (one may
// fall in a pause of the garbage collector), it most likely waits for a
// processor, and the send yields its own. A look costs a load of the line
// that the receiver writes and, when it lags, a swap on a word the senders
// share; the watch sits beside the tail, which they write anyway.
const (
	yieldEvery   = 1024
	yieldBacklog = 1024
	yieldStalls  = 2 // looks in a row that find the receiver where it was
)

// A stallWatch remembers where the receiver was when a sender last looked,
// and how many looks in a row found it there.
type stallWatch struct {
	seen   atomic.Uint64
	stalls atomic.Uint32
}

// yieldIfStalled yields the processor when the receiver, lag values behind
// and at position head, is stalled.
func (w *stallWatch) yieldIfStalled(lag, head uint64) {
	if w.stalled(lag, head) && backoff.Useful() {
		runtime.Gosched()
	}
}

// stalled records a look that finds the receiver lag values behind at
// position head, and reports whether it is stalled.
func (w *stallWatch) stalled(lag, head uint64) bool {
	if lag <= yieldBacklog {
		return false
	}
	if w.seen.Swap(head) != head {
		w.stalls.Store(0)
		return false
	}
	return w.stalls.Add(1) >= yieldStalls
}
