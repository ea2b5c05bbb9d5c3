package mpsc

import (
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/label"
)

// chanCore is what every flavour keeps the same way: the count of its open
// sender handles, which disconnects the channel when it reaches zero, and
// its label for the schedule explorer's reports. Each flavour embeds one.
type chanCore struct {
	senders atomic.Int64 // open sender handles; once zero, it stays zero
	label   label.Label
}

// openCore starts the count at the channel's first sender handle.
func (c *chanCore) openCore() { c.senders.Store(1) }

// core returns the core; every flavour gets it through embedding.
func (c *chanCore) core() *chanCore { return c }

// acquireSender counts a new handle, unless none is left: a channel whose
// senders are gone cannot be reconnected by cloning a closed handle.
func (c *chanCore) acquireSender() bool {
	for {
		n := c.senders.Load()
		if n == 0 {
			return false
		}
		if c.senders.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// releaseSender drops one sender handle of fl; the last one disconnects.
// It is also the cleanup of a handle dropped without Close.
func releaseSender(fl flavor) {
	if fl.core().senders.Add(-1) == 0 {
		fl.disconnect()
	}
}
