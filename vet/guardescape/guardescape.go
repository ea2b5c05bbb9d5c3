// Package guardescape reports a fearless guard, or the pointer its Get
// returns, used after the guard's Unlock, or kept where it outlives the
// lock.
//
// In Rust the data a MutexGuard gives is borrowed from the guard: the
// borrow checker refuses a use after the guard is dropped, and refuses to
// store the reference anywhere that lives longer. Go hands out a plain
// *T. The analyzer follows, along the paths of each function, which guards
// have been unlocked (by Unlock or by a helper that unlocks, known from
// fearlesslocks facts) and reports a later use of the guard or of a
// pointer taken from its Get (p := g.Get(), q := p, &p.f). It reports the
// statement that stores such a pointer in a field, a package variable or
// an element, sends it on a channel, gives it to a goroutine, or returns
// it past a deferred Unlock; and the one that gives the guard itself to a
// goroutine that does not unlock it.
//
// A guard returned with ErrPoisoned is valid: using it is no report. A
// guard handed to a goroutine that unlocks it, or to a Condvar's Wait, is
// no report either.
package guardescape

import (
	"golang.org/x/tools/go/analysis"

	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/locks"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// Analyzer is the guardescape analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "guardescape",
	Doc:      "report a guard, or the pointer from its Get, used after Unlock or stored where it outlives the lock",
	URL:      "https://pkg.go.dev/github.com/fearlessgo/fearless/vet/guardescape",
	Requires: append([]*analysis.Analyzer{locks.Analyzer}, flow.Requires...),
	Run:      run,
}

func init() { report.Flag(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	if report.Skip(pass) {
		return nil, nil
	}
	in := pass.ResultOf[locks.Analyzer].(*locks.Info)
	for _, f := range in.Funcs {
		c := newChecker(pass, f, in.Summary)
		if len(c.guards) == 0 {
			continue
		}
		c.useAfterUnlock()
		c.escapes()
	}
	return nil, nil
}
