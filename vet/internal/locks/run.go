package locks

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
)

// A Leak is a lock still held on a path out of a function.
type Leak struct {
	Held
	Exit flow.Exit
	At   token.Pos // the return, the panic or the end of the body
}

// FuncResult is what Run found in one function.
type FuncResult struct {
	Func  *flow.Func
	Leaks []Leak
	// Released are the locks that the function releases somewhere, by key;
	// EntryReleased those it releases without having taken them.
	Released, EntryReleased map[string]bool
	// Freed are the locks that some path released, by the exit it leaves at.
	Freed   map[token.Pos]map[string]bool
	Summary *Summary

	releases []Effect
	takes    []string
	locks    []Effect
}

// Run follows the locks through f. sum gives the summaries of the
// functions it calls; hooks are called once for each point.
func Run(pass *analysis.Pass, f *flow.Func, sum func(*types.Func) *Summary, hooks Hooks) *FuncResult {
	res := &FuncResult{Func: f, Released: map[string]bool{}, EntryReleased: map[string]bool{}, Freed: map[token.Pos]map[string]bool{}}
	m := &machine{pass: pass, fn: f, sum: sum, hooks: hooks, res: res, params: map[types.Object]int{}}
	assigned := assignedVars(pass, f)
	for i, p := range f.Params() {
		if !assigned[p] {
			m.params[p] = i // a parameter given another value names another lock
		}
	}
	entry := flow.Set[Held]{}
	if h, ok := withHeld(pass, f); ok {
		entry.Add(h)
	}
	r := flow.Solve(f.CFG, entry, flow.Problem[Held](m))
	m.final = true
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	var acquires []Effect
	for _, b := range f.CFG.Blocks {
		in, ok := r.In[b]
		if !ok || !b.Live {
			continue
		}
		out := flow.Through(b, in, flow.Problem[Held](m))
		exit := flow.ExitOf(pass.TypesInfo, cfgs, b)
		if exit != flow.Return && exit != flow.Panic {
			continue
		}
		at := f.Body.Rbrace // falling off the end
		if len(b.Nodes) > 0 {
			last := b.Nodes[len(b.Nodes)-1]
			if _, ok := last.(*ast.ReturnStmt); ok || exit == flow.Panic {
				at = last.Pos()
			}
		}
		for h := range out {
			if h.Freed && exit == flow.Return {
				if res.Freed[at] == nil {
					res.Freed[at] = map[string]bool{}
				}
				res.Freed[at][h.Key] = true
			}
			if h.Pos == token.NoPos || h.Deferred || h.Entry {
				continue
			}
			res.Leaks = append(res.Leaks, Leak{Held: h, Exit: exit, At: at})
			if exit == flow.Return && h.Sync && h.Param != -2 && !res.EntryReleased[h.Key] && !returnsFunc(f) {
				acquires = append(acquires, Effect{Param: h.Param, Sel: h.Sel, Mode: h.Mode, Class: h.Class})
			}
		}
	}
	res.Summary = &Summary{
		Releases: uniqEffects(res.releases),
		Acquires: uniqEffects(acquires),
		Takes:    uniqStrings(res.takes),
		Locks:    uniqEffects(res.locks),
	}
	return res
}

// assignedVars are the variables that f's own body assigns to.
func assignedVars(pass *analysis.Pass, f *flow.Func) map[types.Object]bool {
	out := map[types.Object]bool{}
	ast.Inspect(f.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					if o := pass.TypesInfo.Uses[id]; o != nil {
						out[o] = true
					}
				}
			}
		}
		return true
	})
	return out
}

// returnsFunc reports whether f returns a function: the lock it returns
// holding is released by calling that (grabConn's release), which a
// caller's summary cannot follow.
func returnsFunc(f *flow.Func) bool {
	if f.Sig == nil {
		return false
	}
	for i := range f.Sig.Results().Len() {
		if _, ok := f.Sig.Results().At(i).Type().Underlying().(*types.Signature); ok {
			return true
		}
	}
	return false
}

// withHeld is the lock held when f starts: f is the function given to a
// Mutex's With.
func withHeld(pass *analysis.Pass, f *flow.Func) (Held, bool) {
	lit, ok := f.Node.(*ast.FuncLit)
	if !ok || len(f.Stack) < 2 {
		return Held{}, false
	}
	call, ok := f.Stack[len(f.Stack)-2].(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Args[0] != lit || api.CallName(pass.TypesInfo, call) != api.Shared+".Mutex.With" {
		return Held{}, false
	}
	p, ok := api.PathOf(pass.TypesInfo, api.Receiver(call))
	if !ok {
		return Held{}, false
	}
	return Held{Key: "with " + p.Key(), Class: p.Class(), Name: p.Text, Lock: p.Text, LockKey: p.Key(), Root: rootVar(p), Entry: true, Param: -2, Taker: types.ExprString(call)}, true
}
