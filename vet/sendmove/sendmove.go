// Package sendmove reports a value written by its sender after it was
// sent: Rust's "value moved".
//
// Sending a value over a channel moves it in Rust: the sender cannot touch
// it again. In Go a pointer, slice or map sent on a channel (or with an
// mpsc sender's Send, or session.Put) still points at memory the receiver
// now uses, and a write by the sender after the send races with the
// receiver. The analyzer follows, along the paths of each function, the
// variables whose value was sent (v, the x of &x, the variables a sent
// composite literal holds, the slice a sent slice expression cuts) and
// reports a write through them after the send: an assignment to a field,
// an element or the pointee, ++ and --, op=, delete, clear, copy into.
//
// A failed send did not send: on the branch where the send's error is not
// nil, and in the default case of a select whose send was not chosen, the
// value is the sender's still. Rebinding the variable ends the watch, and
// so does a receive or a wait (<-ch, Recv, Wait, Join, Lock), after which
// the value may have come back.
package sendmove

import (
	"golang.org/x/tools/go/analysis"

	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// Analyzer is the sendmove analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "sendmove",
	Doc:      "report a pointer, slice or map written by the sender after a successful send (Rust's value moved)",
	URL:      "https://pkg.go.dev/github.com/fearlessgo/fearless/vet/sendmove",
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
