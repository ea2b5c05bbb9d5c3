// Package examples holds the programs of the seed tutorials, ported to
// fearless, one folder each. Every folder is a package with a Run function
// that prints to the writer it is given; this package lists them for the
// tour (go run ./cmd/fearless tour).
package examples

import (
	"io"
	"slices"
)

// An Example is one program of the tour.
type Example struct {
	Name    string          // unique, lower case with dashes: "spawn-join"
	Chapter string          // one of Chapters
	Concept string          // one line: the Rust concept and how fearless spells it in Go
	Run     func(io.Writer) // the program; w must be safe for concurrent use
}

// Chapters lists the tour's chapters in the order of the seeds.
var Chapters = []string{
	"threads",
	"channels",
	"shared state",
	"send and sync",
	"atomics",
	"session types",
	"patterns",
	"deadlocks",
}

var registered []Example

func register(examples ...Example) { registered = append(registered, examples...) }

// All returns every example, by chapter and, within one, in the seeds' order.
func All() []Example {
	out := slices.Clone(registered)
	slices.SortStableFunc(out, func(a, b Example) int {
		return slices.Index(Chapters, a.Chapter) - slices.Index(Chapters, b.Chapter)
	})
	return out
}

// Lookup returns the example with the given name.
func Lookup(name string) (Example, bool) {
	for _, e := range registered {
		if e.Name == name {
			return e, true
		}
	}
	return Example{}, false
}
