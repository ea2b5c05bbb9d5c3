// Package sessionclientserver is the seeds' session-types program: the
// protocol between a client and a server is a type, the client sends a
// number and quits, the server receives it and prints it. The compiler
// checks that the two protocols are duals when the session is made, and
// that each side does only what its protocol says next: a client that
// tried to receive here would not compile.
package sessionclientserver

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/session"
	"github.com/fearlessgo/fearless/thread"
)

// Client sends a uint32, then ends (Rust: Send<u32, Eps>). The two End
// parameters are what follows the send and its dual: nothing, on both
// sides.
type Client = session.Send[uint32, session.End, session.End]

// Server receives a uint32, then ends (Rust: Recv<u32, Eps>).
type Server = session.Recv[uint32, session.End, session.End]

// runClient takes its endpoint and follows Client: Put consumes the
// endpoint and returns the next one, here at End, which Close ends.
func runClient(w io.Writer, c session.Chan[session.Top, Client]) {
	end := session.Put(c, 42)
	fmt.Fprintln(w, "The client just sent the number 42!")
	session.Close(end)
}

// runServer follows Server: Take returns the value and the next endpoint.
func runServer(w io.Writer, c session.Chan[session.Top, Server]) {
	data, end := session.Take(c)
	session.Close(end)
	fmt.Fprintln(w, "The server received some data:", data)
}

// Run makes the session, starts the server on a new thread, runs the
// client on this one and waits for the server. Close waits until both
// sides have closed, so the server prints after the client: the seeds'
// output, in that order.
func Run(w io.Writer) {
	client, server := session.New[Client, Server]()
	serverThread := thread.Go(func() { runServer(w, server) })
	runClient(w, client)
	serverThread.Join()
}
