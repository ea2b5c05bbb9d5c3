package sessionlinear

import "github.com/fearlessgo/fearless/session"

func okClientServer() int {
	c, s := session.New[Client, Server]()
	go func() {
		n, s2 := session.Take(s)
		session.Close(session.Put(s2, n*n))
	}()
	sq, end := session.Take(session.Put(c, 7))
	session.Close(end)
	return sq
}

func okLoop(c session.Chan[Top, Adder], xs []int) {
	loop := session.Enter(c)
	for _, x := range xs {
		loop = session.Zero(session.Put(session.Left(loop), x))
	}
	session.Close(session.Right(loop))
}

func okAbortAfterUse(c session.Chan[Top, Server]) {
	defer c.Abort()
	n, s2 := session.Take(c)
	session.Close(session.Put(s2, n*n))
}

func okBranch(c session.Chan[Top, Picker]) int {
	l, r, isLeft := session.Branch(c)
	if isLeft {
		n, end := session.Take(l)
		session.Close(end)
		return n
	}
	session.Close(r)
	return 0
}

func okHandToGoroutine() {
	c, s := session.New[Client, Server]()
	go serve(s)
	_, end := session.Take(session.Put(c, 1))
	session.Close(end)
}

func okReturn(c session.Chan[Top, Client]) session.Chan[Top, answer] {
	return session.Put(c, 1)
}

func okReturnVar(c session.Chan[Top, Client]) session.Chan[Top, answer] {
	next := session.Put(c, 1)
	return next
}

type conn struct {
	c session.Chan[Top, answer]
}

func (w *conn) okStore(c session.Chan[Top, Client]) {
	w.c = session.Put(c, 2)
}

func okSend(c session.Chan[Top, Client], ch chan session.Chan[Top, answer]) {
	next := session.Put(c, 3)
	ch <- next
}

func okString(c session.Chan[Top, Client]) string {
	next := session.Put(c, 4)
	s := c.String()
	_, end := session.Take(next)
	session.Close(end)
	return s
}

func okAbortOnError(c session.Chan[Top, Client], fail bool) int {
	next := session.Put(c, 5)
	if fail {
		next.Abort()
		return 0
	}
	n, end := session.Take(next)
	session.Close(end)
	return n
}

func okCaptured(c session.Chan[Top, Client]) {
	next := session.Put(c, 6)
	done := make(chan bool)
	go func() {
		_, end := session.Take(next)
		session.Close(end)
		done <- true
	}()
	<-done
}

func okChain(c session.Chan[Top, Client]) int {
	n, end := session.Take(session.Put(c, 8))
	session.Close(end)
	return n
}

func okParamOnce(c session.Chan[Top, Server]) {
	serve(c)
}

func okBothToGoroutines() {
	c, s := session.New[Client, Server]()
	go serve(s)
	go func() {
		_, end := session.Take(session.Put(c, 9))
		session.Close(end)
	}()
}

func okChooseLeft(c session.Chan[Top, Adder]) {
	loop := session.Enter(c)
	loop = session.Zero(session.Put(session.Left(loop), 1))
	session.Close(session.Right(loop))
}

func okDeferClose(c session.Chan[Top, Client]) int {
	n, end := session.Take(session.Put(c, 10))
	defer session.Close(end)
	return n
}
