package sessionlinear

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

func (m *machine) Node(n ast.Node, s flow.Set[tok]) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 {
			if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && m.sessionCall(call) {
				m.scan(call, s)
				m.bind(call, n.Lhs, s)
				return
			}
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 {
			if call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr); ok && m.sessionCall(call) {
				m.scan(call, s)
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				m.bind(call, lhs, s)
				return
			}
		}
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && m.sessionCall(call) {
			m.scan(call, s)
			m.bind(call, nil, s)
			return
		}
	case *ast.DeferStmt:
		// defer c.Abort(), defer session.Close(end): at the end, but surely
		m.scan(n.Call, s)
		return
	}
	m.scan(n, s)
}

func (m *machine) sessionCall(call *ast.CallExpr) bool {
	return produces(api.CallName(m.pass.TypesInfo, call)) > 0
}

// bind gives the endpoints that call returns to lhs (nil: dropped).
func (m *machine) bind(call *ast.CallExpr, lhs []ast.Expr, s flow.Set[tok]) {
	name := api.CallName(m.pass.TypesInfo, call)
	short := "session." + strings.TrimPrefix(name, api.Session+".")
	var slots []int // the results that are endpoints
	switch short {
	case "session.New":
		slots = []int{0, 1}
	case "session.Branch":
		slots = []int{0, 1}
	case "session.Take":
		slots = []int{1}
	default:
		slots = []int{0}
	}
	shared := short == "session.Branch"
	for k, i := range slots {
		group := call.Pos()
		if !shared {
			group += token.Pos(k)
		}
		var v *types.Var
		if i < len(lhs) {
			id, ok := lhs[i].(*ast.Ident)
			if !ok {
				continue // stored in a field or an element: handed on
			}
			if id.Name != "_" {
				v = m.obj(id)
			}
		}
		label := "the endpoint"
		if v != nil {
			label = "endpoint " + v.Name()
			s.Filter(func(t tok) bool { return t.v == v })
		}
		if shared {
			label = "the endpoints"
		}
		if !shared || k == 0 {
			s.Add(tok{group: group, name: label, maker: short})
		}
		if v != nil {
			s.Add(tok{v: v, group: group})
		}
	}
}

// scan applies the uses of endpoint variables in n: a step consumes its
// first argument; Abort ends the session; anything else hands it on.
func (m *machine) scan(n ast.Node, s flow.Set[tok]) {
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
			ast.Inspect(x.Body, func(y ast.Node) bool {
				if id, ok := y.(*ast.Ident); ok && m.isEndpoint(id) {
					m.handOn(m.obj(id), s)
				}
				return true
			})
			return false
		case *ast.Ident:
			if m.isEndpoint(x) {
				m.use(x, parent, s)
			}
		}
		stack = append(stack, x)
		return true
	})
}

func (m *machine) use(id *ast.Ident, parent ast.Node, s flow.Set[tok]) {
	v := m.obj(id)
	switch p := parent.(type) {
	case *ast.SelectorExpr:
		if p.Sel.Name == "Abort" {
			m.handOn(v, s)
			return
		}
		if p.Sel.Name == "String" {
			return
		}
	case *ast.AssignStmt:
		for i, l := range p.Lhs {
			if l == id {
				return
			}
			if b, ok := l.(*ast.Ident); ok && b.Name == "_" && len(p.Rhs) == len(p.Lhs) && p.Rhs[i] == id {
				return // _ = c keeps the compiler quiet; it finishes nothing
			}
		}
	case *ast.ValueSpec:
		return
	case *ast.CallExpr:
		if len(p.Args) > 0 && p.Args[0] == id {
			name := api.CallName(m.pass.TypesInfo, p)
			if api.SessionStep(name) {
				m.reuse(id, v, s)
				step := "session." + strings.TrimPrefix(name, api.Session+".")
				m.consume(v, p.Pos(), step, s)
				return
			}
		}
	}
	m.reuse(id, v, s)
	m.handOn(v, s)
}

// reuse reports id, a use of v, when a step has consumed v on some path.
func (m *machine) reuse(id *ast.Ident, v *types.Var, s flow.Set[tok]) {
	if !m.final || m.reported[id.Pos()] {
		return
	}
	for t := range s {
		if t.v == v && t.used != token.NoPos {
			m.reported[id.Pos()] = true
			if t.step == "session.Close" {
				report.At(m.pass, id.Pos(), nil, "endpoint %s was already closed by session.Close at %s; the conversation is over, do not use it again", v.Name(), report.Where(m.pass, id.Pos(), t.used))
				return
			}
			report.At(m.pass, id.Pos(), nil, "endpoint %s was already consumed by %s at %s; use the endpoint that %s returned (each state of a session is used once)", v.Name(), t.step, report.Where(m.pass, id.Pos(), t.used), t.step)
			return
		}
	}
}

// consume marks v used by the step at pos, and its group done.
func (m *machine) consume(v *types.Var, pos token.Pos, step string, s flow.Set[tok]) {
	groups := m.done(v, s)
	s.Filter(func(t tok) bool { return t.v == v })
	if len(groups) == 0 {
		groups = []token.Pos{token.NoPos}
	}
	for _, g := range groups {
		s.Add(tok{v: v, group: g, used: pos, step: step})
	}
}

// handOn is v leaving the function's hands: its group is done.
func (m *machine) handOn(v *types.Var, s flow.Set[tok]) {
	m.done(v, s)
	s.Filter(func(t tok) bool { return t.v == v && t.used == token.NoPos })
}

// done marks the groups of v's endpoints done and returns them.
func (m *machine) done(v *types.Var, s flow.Set[tok]) []token.Pos {
	var groups []token.Pos
	for t := range s {
		if t.v == v && t.group != token.NoPos {
			groups = append(groups, t.group)
		}
	}
	for _, g := range groups {
		s.Map(func(t tok) tok {
			if t.v == nil && t.group == g {
				t.done = true
			}
			return t
		})
	}
	return groups
}
