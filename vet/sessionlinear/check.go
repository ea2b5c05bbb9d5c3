package sessionlinear

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// tok is either a variable token (v set): the endpoint in v, consumed at
// used (0 while it is live); or a group token (v nil): the endpoints made
// by the call at group, done once one of them is consumed or handed on.
type tok struct {
	v     *types.Var
	group token.Pos
	used  token.Pos
	step  string // the step that consumed v
	done  bool
	name  string // the endpoint as the report names it
	maker string
}

type machine struct {
	pass     *analysis.Pass
	final    bool
	reported map[token.Pos]bool
	flow.NoEdges[tok]
}

func check(pass *analysis.Pass, f *flow.Func) {
	uses := false
	ast.Inspect(f.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !uses {
			if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok && api.IsSessionChan(api.TypeName(v.Type())) {
				uses = true
			}
			if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == api.Session {
				uses = true
			}
		}
		return !uses
	})
	if !uses {
		return
	}
	m := &machine{pass: pass, reported: map[token.Pos]bool{}}
	r := flow.Solve(f.CFG, flow.Set[tok]{}, flow.Problem[tok](m))
	m.final = true
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	drops := map[token.Pos]tok{}
	at := map[token.Pos]token.Pos{}
	for _, b := range f.CFG.Blocks {
		in, ok := r.In[b]
		if !ok || !b.Live {
			continue
		}
		out := flow.Through(b, in, flow.Problem[tok](m))
		if flow.ExitOf(pass.TypesInfo, cfgs, b) != flow.Return {
			continue
		}
		exit := f.Body.Rbrace
		if len(b.Nodes) > 0 {
			exit = b.Nodes[len(b.Nodes)-1].Pos()
		}
		for t := range out {
			if t.v == nil && !t.done {
				if e, ok := at[t.group]; !ok || exit < e {
					drops[t.group], at[t.group] = t, exit
				}
			}
		}
	}
	var gs []token.Pos
	for g := range drops {
		gs = append(gs, g)
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i] < gs[j] })
	for _, g := range gs {
		t := drops[g]
		is, abort := "is", "call Abort on it"
		if strings.HasPrefix(t.name, "endpoint ") {
			abort = "call " + strings.TrimPrefix(t.name, "endpoint ") + ".Abort()"
		}
		if t.maker == "session.Branch" {
			is, abort = "are", "call Abort on the chosen one"
		}
		report.At(pass, t.group, nil, "%s from %s %s dropped on the path that returns at %s without reaching Close or Abort, so the peer waits for it forever; finish the protocol, or %s", t.name, t.maker, is, report.Where(pass, t.group, at[g]), abort)
	}
}

func (m *machine) obj(id *ast.Ident) *types.Var {
	o := m.pass.TypesInfo.Defs[id]
	if o == nil {
		o = m.pass.TypesInfo.Uses[id]
	}
	v, _ := o.(*types.Var)
	return v
}

func (m *machine) isEndpoint(id *ast.Ident) bool {
	v := m.obj(id)
	return v != nil && !v.IsField() && api.IsSessionChan(api.TypeName(v.Type()))
}

// produces is the number of endpoints a session call returns: New two, a
// step one, Branch two of one group, Close none.
func produces(name string) int {
	switch strings.TrimPrefix(name, api.Session+".") {
	case "New", "Branch":
		return 2
	case "Close":
		return 0
	}
	if api.SessionStep(name) {
		return 1
	}
	return 0
}
