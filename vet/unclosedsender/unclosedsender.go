// Package unclosedsender reports an mpsc sender that its function owns and
// leaves open, and a loop over a receiver that waits for a sender its own
// function still holds open.
//
// A receiver learns that nothing more will come when every sender of its
// channel is closed: in Rust when each is dropped, in Go when each is
// Closed. A function owns the senders it makes (mpsc.Channel,
// mpsc.SyncChannel, Clone); a sender it receives as a parameter is
// borrowed. On every path out, an owned sender must be closed (Close, a
// deferred Close) or handed on: returned, stored, sent, or given to a
// function or goroutine that closes it (known across packages from facts).
// The report is at the call that made it.
//
// The seeds' forgotten drop(tx) is the second report: a `for v := range
// rx.Iter()` (or a loop of rx.Recv()) in a function that still holds an
// open sender of the same channel never ends, because that sender is
// never closed while the loop waits. A deferred Close does not help: it
// runs after the loop. The report is at the loop.
package unclosedsender

import (
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// Analyzer is the unclosedsender analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "unclosedsender",
	Doc:       "report an owned mpsc sender left open on some path, and a receive loop that waits on its own open sender",
	URL:       "https://pkg.go.dev/github.com/fearlessgo/fearless/vet/unclosedsender",
	Requires:  flow.Requires,
	Run:       run,
	FactTypes: []analysis.Fact{(*closes)(nil)},
}

// closes is the fact that a function closes or hands on the senders it
// gets as the parameters listed (indices in flow.Func.Params).
type closes struct{ Params []int }

func (*closes) AFact() {}

func (c *closes) String() string { return "closes" }

func init() { report.Flag(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	funcs := flow.Funcs(pass)
	local := map[*types.Func]*closes{}
	lookup := func(fn *types.Func) *closes {
		fn = fn.Origin()
		if c, ok := local[fn]; ok {
			return c
		}
		if fn.Pkg() != pass.Pkg {
			var c closes
			if pass.ImportObjectFact(fn, &c) {
				return &c
			}
		}
		return nil
	}
	for round := 0; round < 3; round++ {
		changed := false
		for _, f := range funcs {
			if f.Obj == nil {
				continue
			}
			c := check(pass, f, lookup, false)
			if old := local[f.Obj]; old == nil && len(c.Params) > 0 || old != nil && len(old.Params) != len(c.Params) {
				local[f.Obj] = c
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for fn, c := range local {
		if len(c.Params) > 0 {
			pass.ExportObjectFact(fn, c)
		}
	}
	if report.Skip(pass) {
		return nil, nil
	}
	for _, f := range funcs {
		check(pass, f, lookup, true)
	}
	return nil, nil
}
