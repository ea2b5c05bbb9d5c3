package sendmove

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// writes reports the writes in n through a variable whose value s has
// sent, and forgets a variable that n binds to a new value.
func (m *machine) writes(n ast.Node, s flow.Set[sent]) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok {
				v := m.obj(id)
				if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
					if t, ok := m.find(v, true, s); ok && n.Tok == token.ASSIGN {
						m.report(id.Pos(), id.Name, t)
					}
					s.Filter(func(t sent) bool { return t.v == v && !t.byAddr || n.Tok == token.DEFINE && t.v == v })
					continue
				}
			}
			m.through(l, s)
		}
	case *ast.IncDecStmt:
		m.through(n.X, s)
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
			for _, b := range []string{"delete", "clear", "copy"} {
				if api.Builtin(m.pass.TypesInfo, call, b) && len(call.Args) > 0 {
					if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
						if t, ok := m.find(m.obj(id), false, s); ok {
							m.report(call.Pos(), id.Name, t)
						}
					}
				}
			}
		}
	case *ast.ValueSpec:
		for _, id := range n.Names {
			v := m.obj(id)
			s.Filter(func(t sent) bool { return t.v == v })
		}
	}
}

// through reports lhs when it writes through a sent variable: v.f, v[i],
// *v, or for a variable whose address was sent, v itself and its parts.
func (m *machine) through(lhs ast.Expr, s flow.Set[sent]) {
	e := ast.Unparen(lhs)
	deref := false
	for {
		switch x := e.(type) {
		case *ast.SelectorExpr:
			if sel, ok := m.pass.TypesInfo.Selections[x]; ok && sel.Indirect() {
				deref = true
			}
			if t := m.pass.TypesInfo.TypeOf(x.X); t != nil {
				if _, ok := t.Underlying().(*types.Pointer); ok {
					deref = true
				}
			}
			e = ast.Unparen(x.X)
			continue
		case *ast.IndexExpr:
			if t := m.pass.TypesInfo.TypeOf(x.X); t != nil {
				switch t.Underlying().(type) {
				case *types.Slice, *types.Map, *types.Pointer:
					deref = true
				}
			}
			e = ast.Unparen(x.X)
			continue
		case *ast.StarExpr:
			deref = true
			e = ast.Unparen(x.X)
			continue
		case *ast.Ident:
			if t, ok := m.find(m.obj(x), !deref, s); ok {
				m.report(lhs.Pos(), x.Name, t)
			}
		}
		return
	}
}

// find is a sent token of v; with addrOnly, only one whose address was sent.
func (m *machine) find(v *types.Var, addrOnly bool, s flow.Set[sent]) (sent, bool) {
	if v == nil {
		return sent{}, false
	}
	for t := range s {
		if t.v == v && (!addrOnly || t.byAddr) {
			return t, true
		}
	}
	return sent{}, false
}

func (m *machine) report(pos token.Pos, name string, t sent) {
	if !m.final || m.reported[pos] {
		return
	}
	m.reported[pos] = true
	what := name
	if t.byAddr {
		what = "&" + name
	}
	report.At(m.pass, pos, nil, "%s was sent at %s and is written here, while the receiver may be using it; send a copy, or do not touch %s after the send (Rust moves it)", what, report.Where(m.pass, pos, t.at), name)
}
