package unclosedsender

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// open is a sender that a path holds open.
type open struct {
	v        *types.Var // nil for a sender dropped at once
	param    int        // index of the parameter it came in, -1 if made here
	made     token.Pos
	ch       token.Pos // the channel: the call that made it; 0 if unknown
	deferred bool      // a deferred Close closes it at the end
	maker    string
	stmt     token.Pos
	stmtEnd  token.Pos
}

// machine is the transfer function of one function.
type machine struct {
	flow.NoEdges[open]
	pass     *analysis.Pass
	f        *flow.Func
	lookup   func(*types.Func) *closes
	final    bool
	chans    map[*types.Var]token.Pos // sender and receiver variables: their channel
	loops    map[*ast.CallExpr]ast.Stmt
	closed   map[int]bool
	reported map[ast.Stmt]bool
	leaky    map[token.Pos]bool  // channels whose receive loop is reported
	captured map[*types.Var]bool // senders that a function literal uses
}

func check(pass *analysis.Pass, f *flow.Func, lookup func(*types.Func) *closes, final bool) *closes {
	m := &machine{pass: pass, f: f, lookup: lookup, chans: map[*types.Var]token.Pos{}, loops: map[*ast.CallExpr]ast.Stmt{}, closed: map[int]bool{}, reported: map[ast.Stmt]bool{}, leaky: map[token.Pos]bool{}, captured: map[*types.Var]bool{}}
	entry := flow.Set[open]{}
	for i, p := range f.Params() {
		if api.IsSender(api.TypeName(p.Type())) {
			entry.Add(open{v: p, param: i})
		}
	}
	m.findLoops()
	ast.Inspect(f.Body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			ast.Inspect(lit.Body, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && m.isSender(id) {
					m.captured[m.obj(id)] = true
				}
				return true
			})
		}
		return true
	})
	r := flow.Solve(f.CFG, entry, flow.Problem[open](m))
	m.final = final
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	type leak struct {
		o  open
		at token.Pos
	}
	leaks := map[token.Pos]leak{}
	for _, b := range f.CFG.Blocks {
		in, ok := r.In[b]
		if !ok || !b.Live {
			continue
		}
		out := flow.Through(b, in, flow.Problem[open](m))
		if flow.ExitOf(pass.TypesInfo, cfgs, b) != flow.Return {
			continue
		}
		at := f.Body.Rbrace
		if len(b.Nodes) > 0 {
			at = b.Nodes[len(b.Nodes)-1].Pos()
		}
		for o := range out {
			if o.param >= 0 || o.deferred {
				continue
			}
			if l, ok := leaks[o.made]; !ok || at < l.at {
				leaks[o.made] = leak{o, at}
			}
		}
	}
	if final {
		var ls []leak
		for _, l := range leaks {
			ls = append(ls, l)
		}
		sort.Slice(ls, func(i, j int) bool { return ls[i].o.made < ls[j].o.made })
		for _, l := range ls {
			m.reportLeak(l.o, l.at)
		}
	}
	var c closes
	for i := range m.closed {
		c.Params = append(c.Params, i)
	}
	sort.Ints(c.Params)
	return &c
}

func (m *machine) reportLeak(o open, at token.Pos) {
	where := report.Where(m.pass, o.made, at)
	if o.v == nil {
		report.At(m.pass, o.made, nil, "the sender made by %s is dropped without Close, so its receiver never sees the channel disconnect; keep it and close it when the sending is done", o.maker)
		return
	}
	var fixes []analysis.SuggestedFix
	if !m.leaky[o.ch] && !m.captured[o.v] {
		text := "defer " + o.v.Name() + ".Close()"
		fixes = append(fixes, report.InsertAfter(m.pass, "add "+text, o.stmt, o.stmtEnd, text))
	}
	report.At(m.pass, o.made, fixes, "sender %s made by %s is neither closed nor handed on on the path that returns at %s, so its receiver never sees the channel disconnect; add defer %s.Close() after it", o.v.Name(), o.maker, where, o.v.Name())
}

// findLoops notes each rx.Iter() that a range statement ranges over and
// each rx.Recv() inside a loop, with the loop.
func (m *machine) findLoops() {
	var stack []ast.Node
	ast.Inspect(m.f.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			switch api.CallName(m.pass.TypesInfo, call) {
			case api.Mpsc + ".Receiver.Iter":
				if len(stack) > 0 {
					if r, ok := stack[len(stack)-1].(*ast.RangeStmt); ok && ast.Unparen(r.X) == call {
						m.loops[call] = r
					}
				}
			case api.Mpsc + ".Receiver.Recv":
				// a loop that ends when Recv fails: for { ... } without a condition
				for i := len(stack) - 1; i >= 0; i-- {
					if l, ok := stack[i].(*ast.ForStmt); ok {
						if l.Cond == nil {
							m.loops[call] = l
						}
						break
					}
					if _, ok := stack[i].(*ast.RangeStmt); ok {
						break
					}
				}
			}
		}
		stack = append(stack, n)
		return true
	})
}

func (m *machine) obj(id *ast.Ident) *types.Var {
	o := m.pass.TypesInfo.Defs[id]
	if o == nil {
		o = m.pass.TypesInfo.Uses[id]
	}
	v, _ := o.(*types.Var)
	return v
}

func (m *machine) isSender(id *ast.Ident) bool {
	v := m.obj(id)
	return v != nil && !v.IsField() && api.IsSender(api.TypeName(v.Type()))
}
