package sessionlinear

import "github.com/fearlessgo/fearless/session"

func putTwice() int {
	c, s := session.New[Client, Server]()
	go serve(s)
	_ = session.Put(c, 7)                     // want `the endpoint from session.Put is dropped on the path that returns at line 11 without reaching Close or Abort, so the peer waits for it forever; finish the protocol, or call Abort on it`
	n, end := session.Take(session.Put(c, 8)) // want `endpoint c was already consumed by session.Put at line 8; use the endpoint that session.Put returned \(each state of a session is used once\)`
	session.Close(end)
	return n
}

func takeTwice(c session.Chan[Top, Server]) int {
	n, s2 := session.Take(c)
	m, s3 := session.Take(c) // want `endpoint c was already consumed by session.Take at line 15`
	session.Close(session.Put(s2, n))
	session.Close(session.Put(s3, m))
	return n + m
}

func inspect(c session.Chan[Top, end]) {}

func useAfterClose(c session.Chan[Top, Client]) int {
	n, end := session.Take(session.Put(c, 2))
	session.Close(end)
	inspect(end) // want `endpoint end was already closed by session.Close at line 26; the conversation is over, do not use it again`
	return n
}

func loopForgetsNext(c session.Chan[Top, session.Send[int, end, end]], xs []int) {
	for _, x := range xs {
		session.Close(session.Put(c, x)) // want `endpoint c was already consumed by session.Put at line 33`
	}
}

func serverDropped() int {
	c, s := session.New[Client, Server]() // want `endpoint s from session.New is dropped on the path that returns at line 42 without reaching Close or Abort`
	_ = s.String()
	n, end := session.Take(session.Put(c, 3))
	session.Close(end)
	return n
}

func earlyReturn(c session.Chan[Top, Client]) int {
	sq, end := session.Take(session.Put(c, 4)) // want `endpoint end from session.Take is dropped on the path that returns at line 48 without reaching Close or Abort`
	if sq < 0 {
		return -1
	}
	session.Close(end)
	return sq
}

func resultIgnored(c session.Chan[Top, ask]) {
	session.Put(c, 1) // want `the endpoint from session.Put is dropped on the path that returns at line 56 without reaching Close or Abort, so the peer waits for it forever; finish the protocol, or call Abort on it`
}

func blankEndpoint(c session.Chan[Top, answer]) int {
	n, _ := session.Take(c) // want `the endpoint from session.Take is dropped`
	return n
}

func branchOneSide(c session.Chan[Top, Picker]) int {
	l, r, isLeft := session.Branch(c) // want `the endpoints from session.Branch are dropped on the path that returns at line 71`
	if isLeft {
		n, end := session.Take(l)
		session.Close(end)
		return n
	}
	_ = r
	return 0
}

func breakEarly(c session.Chan[Top, Adder], xs []int) {
	loop := session.Enter(c) // want `endpoint loop from session.Enter is dropped`
	for _, x := range xs {
		if x < 0 {
			return
		}
		loop = session.Zero(session.Put(session.Left(loop), x)) // want `endpoint loop from session.Zero is dropped`
	}
	session.Close(session.Right(loop))
}

func bothBranchesOfChoose(c session.Chan[Top, Adder]) {
	loop := session.Enter(c)
	a := session.Left(loop)
	b := session.Right(loop) // want `endpoint loop was already consumed by session.Left at line 87`
	session.Close(b)
	_ = session.Put(a, 1) // want `the endpoint from session.Put is dropped`
}

func paramTwice(c session.Chan[Top, ask]) {
	session.Close(session.Put(c, 1))
	session.Close(session.Put(c, 2)) // want `endpoint c was already consumed by session.Put at line 94`
}

func errorPathDrop(c session.Chan[Top, Client], ok bool) int {
	next := session.Put(c, 5) // want `endpoint next from session.Put is dropped on the path that returns at line 101`
	if !ok {
		return 0
	}
	n, end := session.Take(next)
	session.Close(end)
	return n
}

func closeTwice(c session.Chan[Top, end]) {
	session.Close(c)
	session.Close(c) // want `endpoint c was already closed by session.Close at line 109`
}

func loopWithoutEnd(c session.Chan[Top, Adder], xs []int) {
	loop := session.Enter(c) // want `endpoint loop from session.Enter is dropped`
	for _, x := range xs {
		loop = session.Zero(session.Put(session.Left(loop), x)) // want `endpoint loop from session.Zero is dropped`
	}
}
