package mpsc

import (
	"runtime"
	"sync/atomic"
)

// sendHandle is what Sender and SyncSender have in common: whether the
// handle is closed, and the cleanup that closes it when it is dropped
// without Close.
type sendHandle struct {
	closed  atomic.Bool
	cleanup runtime.Cleanup
}

// track arranges for h, a field of the handle s, to release its sender
// count on fl when s is collected without Close.
func track[S any](s *S, h *sendHandle, fl flavor) {
	h.cleanup = runtime.AddCleanup(s, releaseSender, fl)
}

// cloneable counts a new handle on fl and reports whether it may be
// opened: not when h is closed, nor when every sender is gone.
func (h *sendHandle) cloneable(fl flavor) bool {
	return !h.closed.Load() && fl.core().acquireSender()
}

// close drops the handle once; the last one disconnects fl.
func (h *sendHandle) close(fl flavor) {
	if h.closed.CompareAndSwap(false, true) {
		h.cleanup.Stop()
		releaseSender(fl)
	}
}
