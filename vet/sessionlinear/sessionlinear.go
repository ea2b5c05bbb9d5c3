// Package sessionlinear reports a session endpoint used after a step
// consumed it, and one dropped before its protocol reached Close or Abort.
//
// A session endpoint is linear: each operation (Put, Take, Left, Right,
// Branch, Enter, Zero, Succ, Close) consumes the endpoint it is given and
// returns the endpoint of the next state. Rust's ownership enforces that at
// compile time; package session checks it when the program runs (ErrReused)
// and finds a dropped endpoint only when the garbage collector does. The
// analyzer follows, along the paths of each function, which endpoint
// variables a step has consumed and which endpoints made here (by New or a
// step) have not yet reached the end of their protocol. It reports a
// second use of a consumed endpoint, at that use, and an endpoint dropped
// on a path out of the function, at the New or the step that produced it.
//
// An endpoint handed on (returned, stored, sent, given to a function or a
// goroutine) is no longer the function's to finish. Abort may be called on
// an endpoint already used. The two endpoints a Branch returns are one:
// finishing the chosen one is enough, the other may be left alone.
package sessionlinear

import (
	"golang.org/x/tools/go/analysis"

	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// Analyzer is the sessionlinear analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "sessionlinear",
	Doc:      "report a session endpoint used after a step consumed it, or dropped without reaching Close or Abort",
	URL:      "https://pkg.go.dev/github.com/fearlessgo/fearless/vet/sessionlinear",
	Requires: flow.Requires,
	Run:      run,
}

func init() { report.Flag(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	if report.Skip(pass) {
		return nil, nil
	}
	for _, f := range flow.Funcs(pass) {
		check(pass, f)
	}
	return nil, nil
}
