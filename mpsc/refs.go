package mpsc

import "sync/atomic"

// refs counts a channel's open sender handles. Once it reaches zero it stays
// there: a closed channel cannot be reopened by cloning a handle.
type refs struct{ n atomic.Int64 }

// acquire adds a handle, unless none is left.
func (r *refs) acquire() bool {
	for {
		n := r.n.Load()
		if n == 0 {
			return false
		}
		if r.n.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// release drops a handle and reports whether it was the last.
func (r *refs) release() bool { return r.n.Add(-1) == 0 }
