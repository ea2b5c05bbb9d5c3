package unclosedsender

import (
	"go/ast"
	"go/types"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

func (m *machine) Node(n ast.Node, s flow.Set[open]) {
	switch n := n.(type) {
	case *ast.DeferStmt:
		for _, v := range m.closesIn(n.Call) {
			s.Map(func(o open) open {
				if o.v == v {
					o.deferred = true
					if o.param >= 0 {
						m.closed[o.param] = true
					}
				}
				return o
			})
		}
		return
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 && m.makes(n, n.Lhs, n.Rhs[0], s) {
			return
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 {
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			if m.makes(n, lhs, n.Values[0], s) {
				return
			}
		}
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
			if m.makes(n, []ast.Expr{ast.NewIdent("_")}, call, s) {
				return
			}
		}
	}
	m.scan(n, s)
}

// makes handles lhs = rhs when rhs makes a sender: Channel, SyncChannel or
// Clone.
func (m *machine) makes(stmt ast.Node, lhs []ast.Expr, rhs ast.Expr, s flow.Set[open]) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return false
	}
	name := api.CallName(m.pass.TypesInfo, call)
	o := open{param: -1, made: call.Pos(), maker: types.ExprString(call), stmt: stmt.Pos(), stmtEnd: stmt.End()}
	switch {
	case api.MakesChannel(name):
		o.ch = call.Pos()
		if len(lhs) > 1 {
			if id, ok := lhs[1].(*ast.Ident); ok {
				if v := m.obj(id); v != nil {
					m.chans[v] = o.ch
				}
			}
		}
	case name == api.Mpsc+".Sender.Clone" || name == api.Mpsc+".SyncSender.Clone":
		m.scan(call, s)
		if id, ok := ast.Unparen(api.Receiver(call)).(*ast.Ident); ok {
			if v := m.obj(id); v != nil {
				o.ch = m.chans[v]
			}
		}
	default:
		return false
	}
	id, ok := lhs[0].(*ast.Ident)
	if !ok {
		return true // stored in a field or an element: handed on
	}
	if id.Name != "_" {
		o.v = m.obj(id)
		if o.v == nil {
			return true
		}
		m.chans[o.v] = o.ch
		s.Filter(func(x open) bool { return x.v == o.v })
	}
	s.Add(o)
	return true
}

// release ends v's hold: closed or handed on.
func (m *machine) release(v *types.Var, s flow.Set[open]) {
	s.Filter(func(o open) bool {
		if o.v != v {
			return false
		}
		if o.param >= 0 {
			m.closed[o.param] = true
		}
		return true
	})
}

// scan applies the closes and hand-offs in n, and checks its receive loops.
func (m *machine) scan(n ast.Node, s flow.Set[open]) {
	var stack []ast.Node
	ast.Inspect(n, func(x ast.Node) bool {
		if x == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		var parent ast.Node
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		switch x := x.(type) {
		case *ast.FuncLit:
			for _, v := range m.closesIn(x.Body) {
				m.release(v, s)
			}
			return false
		case *ast.CallExpr:
			if loop, ok := m.loops[x]; ok {
				m.checkLoop(x, loop, s)
			}
			for _, v := range m.closesIn(&ast.CallExpr{Fun: x.Fun, Args: x.Args, Lparen: x.Lparen}) {
				m.release(v, s)
			}
		case *ast.Ident:
			if m.isSender(x) && handsOn(parent, x) {
				m.release(m.obj(x), s)
			}
		}
		stack = append(stack, x)
		return true
	})
}

// handsOn reports whether a sender variable used as id under parent is
// handed on: returned, stored, sent, put in a composite.
func handsOn(parent ast.Node, id *ast.Ident) bool {
	switch p := parent.(type) {
	case *ast.SelectorExpr, *ast.CallExpr, *ast.BinaryExpr, *ast.StarExpr:
		return false
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == id {
				return false
			}
		}
	case *ast.ValueSpec:
		for _, n := range p.Names {
			if n == id {
				return false
			}
		}
	}
	return true
}

// closesIn lists the senders that n closes or hands on: x.Close(), or an
// argument of a function that closes it or of a function value.
func (m *machine) closesIn(n ast.Node) []*types.Var {
	var out []*types.Var
	ast.Inspect(n, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := api.Callee(m.pass.TypesInfo, call)
		name := api.Name(fn)
		if name == api.Mpsc+".Sender.Close" || name == api.Mpsc+".SyncSender.Close" {
			if id, ok := ast.Unparen(api.Receiver(call)).(*ast.Ident); ok {
				if v := m.obj(id); v != nil {
					out = append(out, v)
				}
			}
			return true
		}
		args := call.Args
		var c *closes
		if fn != nil {
			if fn.Pkg() == nil || fn.Pkg().Path() != api.Mpsc {
				c = m.lookup(fn) // mpsc's own methods: only Close closes
			}
			if fn.Type().(*types.Signature).Recv() != nil {
				args = append([]ast.Expr{api.Receiver(call)}, args...)
			}
		}
		for i, a := range args {
			id, ok := ast.Unparen(a).(*ast.Ident)
			if !ok || !m.isSender(id) {
				continue
			}
			if fn == nil && !api.Builtin(m.pass.TypesInfo, call, "len") || c != nil && contains(c.Params, i) {
				out = append(out, m.obj(id))
			}
		}
		return true
	})
	return out
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// checkLoop reports a receive loop of call's receiver while s holds one
// of its channel's senders open.
func (m *machine) checkLoop(call *ast.CallExpr, loop ast.Stmt, s flow.Set[open]) {
	id, ok := ast.Unparen(api.Receiver(call)).(*ast.Ident)
	if !ok {
		return
	}
	rx := m.obj(id)
	ch, ok := m.chans[rx]
	if !ok || ch == 0 {
		return
	}
	for o := range s {
		if o.ch != ch || o.param >= 0 {
			continue
		}
		m.leaky[ch] = true
		if !m.final || m.reported[loop] {
			return
		}
		m.reported[loop] = true
		name, late := "the sender", ""
		if o.v != nil {
			name = o.v.Name()
		}
		if o.deferred {
			late = " (its deferred Close runs only after the loop)"
		}
		report.At(m.pass, loop.Pos(), nil, "this loop over %s ends only when every sender of its channel is closed, but %s, made at %s, is still open here%s; close %s before the loop, as Rust's drop(tx)", id.Name, name, report.Where(m.pass, loop.Pos(), o.made), late, name)
		return
	}
}
