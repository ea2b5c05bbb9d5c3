// Package movename is the seeds' "Alice" program: a move closure transfers
// ownership of name to the thread, and main may not use it afterwards.
//
// For Go programmers: Rust's move is about ownership, which Go does not
// track. A Go closure shares the variables it captures, so a thread that
// reads name while main assigns it is a data race. The Go spelling of move
// is to give the thread a value of its own and stop using the variable:
// here a string, which is immutable, passed as the thread's own copy.
package movename

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/thread"
)

// Run greets from a thread that owns the name.
func Run(w io.Writer) {
	name := "Alice"
	handle := thread.Go(greet(w, name)) // "move": the thread gets its own name
	// fmt.Println(name) is allowed in Go; after a move in Rust it is not.
	handle.Join()
}

// greet returns the thread's function, holding its own copy of name.
func greet(w io.Writer, name string) func() {
	return func() { fmt.Fprintf(w, "Hello from %s\n", name) }
}
