package session

// Left picks the first branch of a Choose and tells the peer, without
// blocking. It panics with ErrPeerGone when the peer has left, and with
// ErrReused when c was used already.
func Left[E any, L Proto[LD], R Proto[RD], LD Proto[L], RD Proto[R]](c Chan[E, Choose[L, R, LD, RD]]) Chan[E, L] {
	next := c.ep.use(c.step, opLeft)
	send(c.ep.c, c.ep.me, true, opLeft)
	return Chan[E, L]{c.ep, next}
}

// Right picks the second branch of a Choose and tells the peer, without
// blocking. It panics like Left.
func Right[E any, L Proto[LD], R Proto[RD], LD Proto[L], RD Proto[R]](c Chan[E, Choose[L, R, LD, RD]]) Chan[E, R] {
	next := c.ep.use(c.step, opRight)
	send(c.ep.c, c.ep.me, false, opRight)
	return Chan[E, R]{c.ep, next}
}

// Branch waits for the peer to pick a branch of an Offer. It returns an
// endpoint for each branch and isLeft: when isLeft is true go on with
// left, else with right. The endpoint of the branch not chosen panics with
// ErrReused if used. Branch panics with ErrPeerGone when the peer leaves
// before choosing, and with ErrReused when c was used already.
func Branch[E any, L Proto[LD], R Proto[RD], LD Proto[L], RD Proto[R]](c Chan[E, Offer[L, R, LD, RD]]) (left Chan[E, L], right Chan[E, R], isLeft bool) {
	next := c.ep.use(c.step, opBranch)
	isLeft = receive[bool](c.ep.c, c.ep.me, opBranch)
	if isLeft {
		return Chan[E, L]{c.ep, next}, Chan[E, R]{c.ep, notChosen}, true
	}
	return Chan[E, L]{c.ep, notChosen}, Chan[E, R]{c.ep, next}, false
}
