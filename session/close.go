package session

import "runtime"

// Close ends the protocol on this side and waits until the peer has closed
// too, so that when Close returns the whole conversation is over, the way
// Join means a thread is over. (In the session_types crate close is a
// drop; waiting here is what lets the peer's last steps be ordered before
// what follows Close.) Close panics with ErrPeerGone when the peer leaves
// instead of closing, and with ErrReused when c was used already.
//
// A goroutine that holds several sessions with the same peer must close
// them in the same order on both sides, as it must take from them.
func Close[E any](c Chan[E, End]) {
	c.ep.use(c.step, opClose)
	c.ep.c.close(c.ep.me)
	runtime.KeepAlive(c.ep) // not dropped while closing
}
