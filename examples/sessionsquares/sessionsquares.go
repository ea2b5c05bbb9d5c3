// Package sessionsquares is a recursive session: the client asks the
// server for squares in a loop until it says stop. The protocol is written
// once, from the client's side, in protocol.go; sessiongen writes both
// sides' types from it (squares_session.go).
//
// Rec starts the loop and Var[Z] goes back to its start. Choose lets the
// client pick: ask (Left) or stop (Right); the server's dual is an Offer,
// and Branch tells it which way the client went. Because Zero returns the
// very type that Enter returned, a Go for loop carries the endpoint round.
package sessionsquares

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/session"
	"github.com/fearlessgo/fearless/thread"
)

// client asks for the square of each number, then says stop.
func client(w io.Writer, c session.Chan[session.Top, Client], numbers []int) {
	loop := session.Enter(c)
	for _, n := range numbers {
		ask := session.Left(loop)
		sq, next := session.Take(session.Put(ask, n))
		fmt.Fprintf(w, "client: %d squared is %d\n", n, sq)
		loop = session.Zero(next)
	}
	session.Close(session.Right(loop))
	fmt.Fprintln(w, "client: stop")
}

// server answers until the client stops, and returns how many it answered.
func server(w io.Writer, s session.Chan[session.Top, Server]) int {
	answered := 0
	loop := session.Enter(s)
	for {
		ask, stop, isAsk := session.Branch(loop)
		if !isAsk {
			session.Close(stop)
			return answered
		}
		n, reply := session.Take(ask)
		fmt.Fprintf(w, "server: squaring %d\n", n)
		loop = session.Zero(session.Put(reply, n*n))
		answered++
	}
}

// Run asks for the squares of 1 to 5 from a server on another thread.
func Run(w io.Writer) {
	c, s := session.New[Client, Server]()
	h := thread.Spawn(func() int { return server(w, s) })
	client(w, c, []int{1, 2, 3, 4, 5})
	answered, _ := h.Join()
	fmt.Fprintf(w, "the server answered %d requests\n", answered)
}
