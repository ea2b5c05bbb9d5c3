package session

// Enter starts a Rec: the endpoint goes on as the loop's body P, and the
// loop is remembered in the environment so that Zero can come back to it.
// Enter does not communicate and never blocks; it panics with ErrReused
// when c was used already.
func Enter[E any, P Proto[PD], PD Proto[P]](c Chan[E, Rec[P, PD]]) Chan[Loop[P, E], P] {
	next := c.ep.use(c.step, opEnter)
	return Chan[Loop[P, E], P]{c.ep, next}
}

// Zero goes back to the start of the innermost loop (Var[Z]): the endpoint
// is again at the loop's body, so that in Go the same variable can carry
// it round a for loop. Zero does not communicate and never blocks; it
// panics with ErrReused when c was used already.
func Zero[E, P any](c Chan[Loop[P, E], Var[Z]]) Chan[Loop[P, E], P] {
	next := c.ep.use(c.step, opZero)
	return Chan[Loop[P, E], P]{c.ep, next}
}

// Succ leaves the innermost loop on the way to an outer one: Var[S[N]]
// inside a loop is Var[N] outside it. Apply Succ once per loop to leave,
// then Zero. Succ does not communicate and never blocks; it panics with
// ErrReused when c was used already.
func Succ[E, P any, N Nat](c Chan[Loop[P, E], Var[S[N]]]) Chan[E, Var[N]] {
	next := c.ep.use(c.step, opSucc)
	return Chan[E, Var[N]]{c.ep, next}
}
