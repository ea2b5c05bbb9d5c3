package sendmove

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
)

// sent is a variable whose value a path has sent.
type sent struct {
	v      *types.Var
	at     token.Pos
	byAddr bool          // &v was sent: v itself is the receiver's
	err    *types.Var    // the send's error, if kept
	call   *ast.CallExpr // the send, if its result is tested at once
}

type machine struct {
	pass     *analysis.Pass
	f        *flow.Func
	final    bool
	comms    map[*ast.SendStmt]bool // sends of select cases
	reported map[token.Pos]bool
}

func check(pass *analysis.Pass, f *flow.Func) {
	m := &machine{pass: pass, f: f, comms: map[*ast.SendStmt]bool{}, reported: map[token.Pos]bool{}}
	sends := false
	ast.Inspect(f.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CommClause:
			if s, ok := n.Comm.(*ast.SendStmt); ok {
				m.comms[s] = true
			}
		case *ast.SendStmt:
			sends = true
		case *ast.CallExpr:
			if api.SendArg(api.CallName(pass.TypesInfo, n)) >= 0 {
				sends = true
			}
		}
		return true
	})
	if !sends {
		return
	}
	r := flow.Solve(f.CFG, flow.Set[sent]{}, flow.Problem[sent](m))
	m.final = true
	for _, b := range f.CFG.Blocks {
		if in, ok := r.In[b]; ok && b.Live {
			flow.Through(b, in, flow.Problem[sent](m))
		}
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

// Enter applies the send of a select case when its body is entered, and
// forgets the variables of a range loop, which each turn binds afresh.
func (m *machine) Enter(b *cfg.Block, s flow.Set[sent]) {
	switch b.Kind {
	case cfg.KindSelectCaseBody:
		if cc, ok := b.Stmt.(*ast.CommClause); ok {
			if send, ok := cc.Comm.(*ast.SendStmt); ok {
				m.send(send.Value, send.Pos(), nil, nil, s)
			}
		}
	case cfg.KindRangeBody:
		if rs, ok := b.Stmt.(*ast.RangeStmt); ok && rs.Tok == token.DEFINE {
			for _, e := range []ast.Expr{rs.Key, rs.Value} {
				if id, ok := e.(*ast.Ident); ok {
					v := m.obj(id)
					s.Filter(func(x sent) bool { return x.v == v })
				}
			}
		}
	}
}

// Edge drops the sends that failed on this edge: their error is not nil.
func (m *machine) Edge(b *cfg.Block, i int, s flow.Set[sent]) {
	for _, a := range flow.Atoms(m.pass.TypesInfo, b, i) {
		var x ast.Expr
		if call, ok := a.X.(*ast.CallExpr); ok && a.True && api.CallName(m.pass.TypesInfo, call) == "errors.Is" && len(call.Args) == 2 {
			x = ast.Unparen(call.Args[0])
		} else if e, isNil, ok := flow.NilTest(m.pass.TypesInfo, a); ok && !isNil {
			x = e
		}
		if x == nil {
			continue
		}
		var err *types.Var
		if id, ok := x.(*ast.Ident); ok {
			err = m.obj(id)
		}
		s.Filter(func(t sent) bool { return err != nil && t.err == err || t.call != nil && ast.Expr(t.call) == x })
	}
}

func (m *machine) Node(n ast.Node, s flow.Set[sent]) {
	if len(s) > 0 {
		m.writes(n, s)
	}
	switch n := n.(type) {
	case *ast.SendStmt:
		if !m.comms[n] {
			m.send(n.Value, n.Pos(), nil, nil, s)
		}
		return
	case *ast.AssignStmt:
		// err := tx.Send(v)
		if len(n.Rhs) == 1 && len(n.Lhs) == 1 {
			if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
				if i := api.SendArg(api.CallName(m.pass.TypesInfo, call)); i >= 0 && i < len(call.Args) {
					var err *types.Var
					if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
						err = m.obj(id)
					}
					m.send(call.Args[i], call.Pos(), err, nil, s)
					return
				}
			}
		}
	case *ast.DeferStmt, *ast.GoStmt:
		return
	}
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				s.Filter(func(sent) bool { return true }) // a receive: the value may be back
			}
		case *ast.CallExpr:
			name := api.CallName(m.pass.TypesInfo, x)
			if i := api.SendArg(name); i >= 0 && i < len(x.Args) {
				m.send(x.Args[i], x.Pos(), nil, x, s)
			} else if waits(name) {
				s.Filter(func(sent) bool { return true })
			}
		}
		return true
	})
}

// waits reports whether a call waits for another goroutine, after which a
// sent value may be the sender's again.
func waits(name string) bool {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return false
	}
	switch m := name[i+1:]; {
	case strings.HasPrefix(m, "Recv"), strings.HasPrefix(m, "Wait"), m == "Join", m == "Lock", m == "RLock", m == "Take", m == "Read", m == "Write":
		return true
	}
	return false
}

// send records that the value of e was sent at pos.
func (m *machine) send(e ast.Expr, pos token.Pos, err *types.Var, call *ast.CallExpr, s flow.Set[sent]) {
	for _, t := range m.carried(e, false) {
		t.at, t.err, t.call = pos, err, call
		s.Add(t)
	}
}

// carried are the variables whose memory the value of e shares.
func (m *machine) carried(e ast.Expr, addr bool) []sent {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v := m.obj(e)
		if v == nil || v.IsField() {
			return nil
		}
		if addr || shares(v.Type()) {
			return []sent{{v: v, byAddr: addr}}
		}
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			if cl, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok {
				return m.carried(cl, false)
			}
			return m.carried(e.X, true)
		}
	case *ast.SliceExpr:
		return m.carried(e.X, false)
	case *ast.CompositeLit:
		var out []sent
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			out = append(out, m.carried(el, false)...)
		}
		return out
	}
	return nil
}

// shares reports whether a value of type t points at memory a copy shares.
func shares(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map:
		return true
	}
	return false
}
