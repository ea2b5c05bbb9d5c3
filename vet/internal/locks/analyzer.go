package locks

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/fearlessgo/fearless/vet/internal/flow"
)

// Analyzer computes every function's Summary, exports them as facts and
// returns an *Info. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "fearlesslocks",
	Doc:        "summaries of what functions do to their callers' locks, for lostunlock and lockorder",
	Requires:   flow.Requires,
	Run:        run,
	FactTypes:  []analysis.Fact{(*Summary)(nil)},
	ResultType: reflect.TypeFor[*Info](),
}

// Info is the Analyzer's result.
type Info struct {
	Funcs   []*flow.Func
	Results map[ast.Node]*FuncResult // by function node, without hooks
	local   map[*types.Func]*Summary
	pass    *analysis.Pass
}

// Summary is fn's summary, from this package or a fact; nil when fn has
// none (it does nothing to its callers' locks).
func (in *Info) Summary(fn *types.Func) *Summary {
	fn = fn.Origin()
	if s, ok := in.local[fn]; ok {
		return s
	}
	if fn.Pkg() != in.pass.Pkg {
		var s Summary
		if in.pass.ImportObjectFact(fn, &s) {
			return &s
		}
	}
	return nil
}

func run(pass *analysis.Pass) (any, error) {
	in := &Info{Funcs: flow.Funcs(pass), Results: map[ast.Node]*FuncResult{}, local: map[*types.Func]*Summary{}, pass: pass}
	// Summaries of the package's functions, to a fixed point through the
	// calls between them (a few rounds reach it in real code).
	for round := 0; round < 4; round++ {
		changed := false
		for _, f := range in.Funcs {
			if f.Obj == nil {
				continue
			}
			res := Run(pass, f, in.Summary, Hooks{})
			in.Results[f.Node] = res
			if old, ok := in.local[f.Obj]; !ok || !old.equal(res.Summary) {
				in.local[f.Obj] = res.Summary
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for _, f := range in.Funcs {
		if f.Obj == nil {
			in.Results[f.Node] = Run(pass, f, in.Summary, Hooks{})
		}
	}
	for fn, s := range in.local {
		if !s.empty() {
			pass.ExportObjectFact(fn, s)
		}
	}
	return in, nil
}
