package locks

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

// Hooks are called in the final pass over a function, with the locks held
// at that point.
type Hooks struct {
	// Acquire is called before a lock is taken (Try is set for a TryLock).
	Acquire func(held flow.Set[Held], taken Held)
	// Call is called at each call of a function that has a summary.
	Call func(held flow.Set[Held], call *ast.CallExpr, fn *types.Func, s *Summary)
	// Again is called when a lock that held holds is taken again, at
	// again.Pos, directly or in the function via.
	Again func(held, again Held, via string)
}

// machine is the transfer function of one function body.
type machine struct {
	flow.NoEdges[Held]
	pass   *analysis.Pass
	fn     *flow.Func
	sum    func(*types.Func) *Summary
	params map[types.Object]int
	final  bool
	hooks  Hooks
	res    *FuncResult
}

func (m *machine) info() *types.Info { return m.pass.TypesInfo }

// rootVar is the variable p starts from, nil when p names no single lock
// (an element of a slice or map: which one is not known).
func rootVar(p api.Path) *types.Var {
	if strings.Contains(p.Sel, "[]") {
		return nil
	}
	v, _ := p.Root.(*types.Var)
	return v
}

// Enter forgets, on entering a range loop's body, which locks the loop's
// variables named: each turn binds them to other values.
func (m *machine) Enter(b *cfg.Block, s flow.Set[Held]) {
	if rs, ok := b.Stmt.(*ast.RangeStmt); ok && b.Kind == cfg.KindRangeBody {
		for _, e := range []ast.Expr{rs.Key, rs.Value} {
			if id, ok := e.(*ast.Ident); ok {
				m.rebind(id, s)
			}
		}
	}
}

// rebind forgets which held locks id's variable named: it names another
// value from here on.
func (m *machine) rebind(id *ast.Ident, s flow.Set[Held]) {
	v, ok := m.objOf(id).(*types.Var)
	if !ok {
		return
	}
	s.Map(func(h Held) Held {
		if h.Root == v {
			h.Root, h.LockKey = nil, ""
		}
		return h
	})
}

func (m *machine) Node(n ast.Node, s flow.Set[Held]) {
	if as, ok := n.(*ast.AssignStmt); ok {
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok {
				m.rebind(id, s)
			}
		}
	}
	switch n := n.(type) {
	case *ast.DeferStmt:
		m.deferred(n.Call, s)
		return
	case *ast.GoStmt:
		m.scan(n.Call, s, true)
		return
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 {
			if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && m.guardCall(call) {
				for _, a := range call.Args {
					m.scan(a, s, false)
				}
				if r := api.Receiver(call); r != nil {
					m.scan(r, s, false)
				}
				m.takeGuard(n, call, n.Lhs, s)
				return
			}
		}
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && m.guardCall(call) {
			for _, a := range call.Args {
				m.scan(a, s, false)
			}
			if r := api.Receiver(call); r != nil {
				m.scan(r, s, false)
			}
			m.takeGuard(n, call, []ast.Expr{ast.NewIdent("_")}, s)
			return
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 {
			if call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr); ok && m.guardCall(call) {
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				m.takeGuard(n, call, lhs, s)
				return
			}
		}
	}
	m.scan(n, s, false)
}

// guardCall reports whether call returns a fearless guard as its first result.
func (m *machine) guardCall(call *ast.CallExpr) bool {
	t := m.info().TypeOf(call)
	if tup, ok := t.(*types.Tuple); ok && tup.Len() > 0 {
		t = tup.At(0).Type()
	}
	return api.IsGuard(api.TypeName(t))
}

// takeGuard is the statement stmt storing the guard that call returns in
// lhs[0] (and its error in lhs[1]).
func (m *machine) takeGuard(stmt ast.Node, call *ast.CallExpr, lhs []ast.Expr, s flow.Set[Held]) {
	name := api.CallName(m.info(), call)
	op := api.LockOp(name)
	h := Held{Pos: call.Pos(), Param: -2, Stmt: stmt.Pos(), StmtEnd: stmt.End(), Taker: types.ExprString(call)}
	if op == api.Acquire || op == api.TryAcq {
		if p, ok := api.PathOf(m.info(), api.Receiver(call)); ok {
			h.Class, h.Lock, h.LockKey, h.Root = p.Class(), p.Text, p.Key(), rootVar(p)
			if e, ok := m.effect(api.Receiver(call), "", "", false); ok {
				h.Param, h.Sel = e.Param, e.Sel
			}
		}
		h.Try = op == api.TryAcq
	}
	if id, ok := lhs[0].(*ast.Ident); ok && id.Name != "_" {
		if v, ok := m.objOf(id).(*types.Var); ok {
			h.Guard = v
			h.Name = id.Name
			h.Key = api.Path{Root: v}.Key()
		}
	}
	if h.Guard == nil {
		if _, ok := lhs[0].(*ast.Ident); !ok {
			return // stored in a field or an element: handed on
		}
		h.Key = "discarded"
		h.Name = "the guard"
	}
	if len(lhs) > 1 {
		if id, ok := lhs[1].(*ast.Ident); ok && id.Name != "_" {
			h.Err, _ = m.objOf(id).(*types.Var)
		}
	}
	m.take(h, s)
}

func (m *machine) objOf(id *ast.Ident) types.Object {
	if o := m.info().Defs[id]; o != nil {
		return o
	}
	return m.info().Uses[id]
}

// take adds h to s, keeping a deferred release that is already there.
func (m *machine) take(h Held, s flow.Set[Held]) {
	if m.final && m.hooks.Acquire != nil {
		m.hooks.Acquire(s, h)
	}
	if m.final && h.Class != "" {
		m.res.takes = append(m.res.takes, h.Class)
	}
	if m.final && !h.Try && h.Param != -2 {
		m.res.locks = append(m.res.locks, Effect{Param: h.Param, Sel: h.Sel, Mode: h.Mode, Class: h.Class})
	}
	if m.final && !h.Try && h.Root != nil && m.hooks.Again != nil {
		for o := range s {
			if o.holding() && o.Root != nil && o.LockKey == h.LockKey && !o.Try {
				m.hooks.Again(o, h, "")
			}
		}
	}
	deferred := false
	s.Filter(func(o Held) bool {
		if o.Key == h.Key {
			deferred = deferred || o.Deferred
			return true
		}
		return false
	})
	h.Deferred = deferred
	s.Add(h)
}

// release ends every hold of key in s; a deferred note stays.
func (m *machine) release(key string, root ast.Expr, sel, mode string, guard bool, s flow.Set[Held]) {
	held := false
	var out []Held
	s.Filter(func(o Held) bool {
		if o.Key != key {
			return false
		}
		held = held || o.holding()
		if o.Deferred {
			o.Pos, o.Entry = token.NoPos, false
			out = append(out, o)
		}
		return true
	})
	for _, o := range out {
		s.Add(o)
	}
	s.Add(Held{Key: key, Freed: true, Param: -2})
	if !m.final {
		return
	}
	m.res.Released[key] = true
	if !held {
		m.res.EntryReleased[key] = true
		if e, ok := m.effect(root, sel, mode, guard); ok {
			m.res.releases = append(m.res.releases, e)
		}
	}
}

// effect is the Effect on a lock at root+sel, if its caller can name it.
func (m *machine) effect(root ast.Expr, sel, mode string, guard bool) (Effect, bool) {
	p, ok := api.PathOf(m.info(), root)
	if !ok {
		return Effect{}, false
	}
	if p.Global() {
		return Effect{Param: -1, Sel: p.Key() + sel, Mode: mode, Class: p.Class(), Guard: guard}, true
	}
	i, ok := m.params[p.Root]
	if !ok {
		return Effect{}, false
	}
	full := api.Path{Root: p.Root, Sel: p.Sel + sel, Owner: p.Owner, Field: p.Field}
	return Effect{Param: i, Sel: p.Sel + sel, Mode: mode, Class: full.Class(), Guard: guard}, true
}
