package session_test

import (
	"errors"
	"fmt"

	"github.com/fearlessgo/fearless/session"
	"github.com/fearlessgo/fearless/thread"
)

// The seeds' first session: the client sends a number and quits, the
// server prints it. Close waits for the peer, so the server's line comes
// after the client's.
func Example() {
	type Client = session.Send[uint32, session.End, session.End]
	type Server = session.Recv[uint32, session.End, session.End]

	client, server := session.New[Client, Server]()
	srv := thread.Go(func() {
		data, end := session.Take(server)
		session.Close(end)
		fmt.Println("The server received some data:", data)
	})
	end := session.Put(client, 42)
	fmt.Println("The client just sent the number 42!")
	session.Close(end)
	srv.Join()
	// Output:
	// The client just sent the number 42!
	// The server received some data: 42
}

// New infers the second protocol as the dual of the first.
func ExampleNew() {
	type Ask = session.Send[string, session.Recv[int, session.End, session.End], session.Send[int, session.End, session.End]]

	c, s := session.New[Ask]() // s follows Recv[string, Send[int, ...], ...]
	h := thread.Go(func() {
		word, s2 := session.Take(s)
		session.Close(session.Put(s2, len(word)))
	})
	n, end := session.Take(session.Put(c, "fearless"))
	session.Close(end)
	h.Join()
	fmt.Println(n)
	// Output: 8
}

// The squares protocol: in a loop the client asks for a square (Left) or
// stops (Right); the server Branches on its choice.
func ExampleBranch() {
	type (
		v          = session.Var[session.Z]
		answer     = session.Recv[int, v, v]
		answerDual = session.Send[int, v, v]
		ask        = session.Send[int, answer, answerDual]
		askDual    = session.Recv[int, answerDual, answer]
		body       = session.Choose[ask, session.End, askDual, session.End]
		bodyDual   = session.Offer[askDual, session.End, ask, session.End]
		Client     = session.Rec[body, bodyDual]
	)

	c, s := session.New[Client]()
	srv := thread.Go(func() {
		loop := session.Enter(s)
		for {
			more, stop, isMore := session.Branch(loop)
			if !isMore {
				session.Close(stop)
				return
			}
			n, reply := session.Take(more)
			loop = session.Zero(session.Put(reply, n*n))
		}
	})
	loop := session.Enter(c)
	for n := 1; n <= 3; n++ {
		sq, next := session.Take(session.Put(session.Left(loop), n))
		fmt.Println(n, "squared is", sq)
		loop = session.Zero(next)
	}
	session.Close(session.Right(loop))
	srv.Join()
	// Output:
	// 1 squared is 1
	// 2 squared is 4
	// 3 squared is 9
}

// Using an endpoint twice panics with an *Error matching ErrReused: each
// operation consumes its endpoint.
func ExampleError() {
	c, s := session.New[session.Send[int, session.End, session.End]]()
	end := session.Put(c, 1)
	func() {
		defer func() {
			err := recover().(error)
			fmt.Println(errors.Is(err, session.ErrReused))
			fmt.Println(err)
		}()
		session.Put(c, 2) // c was used by the first Put
	}()
	end.Abort()
	s.Abort()
	// Output:
	// true
	// session: Put: endpoint 0 was used already (it is at step 0, its side at step 1): each operation consumes its endpoint and returns the next one; use that
}

// Abort ends a session early; the peer's operations panic with
// ErrPeerGone instead of waiting forever.
func ExampleChan_Abort() {
	quiet := thread.SetPanicHook(func(*thread.PanicError) {}) // the panic below is expected
	defer func() { thread.SetPanicHook(quiet) }()

	c, s := session.New[session.Send[int, session.End, session.End]]()
	h := thread.Spawn(func() int {
		n, end := session.Take(s)
		session.Close(end)
		return n
	})
	c.Abort() // say, the client hit an error before it could send
	_, err := h.Join()
	fmt.Println(errors.Is(err, session.ErrPeerGone))
	fmt.Println(errors.Unwrap(err))
	// Output:
	// true
	// session: Take: the peer called Abort after 0 operation(s)
}
