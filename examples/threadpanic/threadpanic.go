// Package threadpanic shows that a panic in one thread does not stop
// another: Join returns it as a *thread.PanicError whose Value is the
// payload, which main unpacks with a type switch (Rust's downcast_ref).
package threadpanic

import (
	"errors"
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/thread"
)

// Run lets two threads panic, with a string and with an error, and unpacks
// both payloads.
func Run(w io.Writer) {
	// The default hook prints each panic to stderr when it happens, as
	// Rust does; the tour prints it here instead.
	previous := thread.SetPanicHook(func(e *thread.PanicError) {
		fmt.Fprintf(w, "(hook) %v\n", e)
	})
	defer func() { thread.SetPanicHook(previous) }()

	h := thread.Spawn(func() int { panic("something went wrong") })
	_, err := h.Join()
	var pe *thread.PanicError
	if errors.As(err, &pe) {
		switch payload := pe.Value.(type) {
		case string:
			fmt.Fprintf(w, "main: the thread panicked with the message %q\n", payload)
		default:
			fmt.Fprintf(w, "main: the thread panicked with %v\n", payload)
		}
	}

	errNotFound := errors.New("config not found")
	h2, _ := thread.SpawnWith(thread.NewBuilder().Name("loader"), func() int {
		panic(fmt.Errorf("loading: %w", errNotFound))
	})
	_, err = h2.Join()
	fmt.Fprintf(w, "main: errors.Is(err, errNotFound) = %v\n", errors.Is(err, errNotFound))
	fmt.Fprintln(w, "main: still running")
}
