package session

// Put sends v to the peer and returns the endpoint of the next state. It
// never blocks: messages wait in the session until the peer takes them.
// It panics with ErrPeerGone when the peer has left, and with ErrReused
// when c was used already.
func Put[E, T any, P Proto[PD], PD Proto[P]](c Chan[E, Send[T, P, PD]], v T) Chan[E, P] {
	next := c.ep.use(c.step, opPut)
	send(c.ep.c, c.ep.me, v, opPut)
	return Chan[E, P]{c.ep, next}
}

// Take waits for the value the peer sends and returns it with the endpoint
// of the next state. It panics with ErrPeerGone when the peer leaves
// before sending, and with ErrReused when c was used already.
func Take[E, T any, P Proto[PD], PD Proto[P]](c Chan[E, Recv[T, P, PD]]) (T, Chan[E, P]) {
	next := c.ep.use(c.step, opTake)
	v := receive[T](c.ep.c, c.ep.me, opTake)
	return v, Chan[E, P]{c.ep, next}
}
