package guardescape

import (
	"go/ast"
	"go/types"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// escapes reports the statements that keep a pointer into a guard's data,
// or the guard, where it outlives the lock.
func (c *checker) escapes() {
	deferred := c.deferredUnlocks()
	own(c.f.Body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return
			}
			for i, l := range n.Lhs {
				if g := c.carries(n.Rhs[i]); g != nil && c.outlives(l) {
					report.At(c.pass, n.Pos(), nil, "%s points into the data of guard %s and is stored in %s, which outlives the lock; store a copy of the value instead", types.ExprString(n.Rhs[i]), g.Name(), types.ExprString(l))
				}
			}
		case *ast.SendStmt:
			if g := c.carries(n.Value); g != nil {
				report.At(c.pass, n.Pos(), nil, "%s points into the data of guard %s and is sent on a channel, where it outlives the lock; send a copy of the value instead", types.ExprString(n.Value), g.Name())
			}
		case *ast.GoStmt:
			c.spawned(n, n.Call.Fun, n.Call.Args)
		case *ast.CallExpr:
			name := api.CallName(c.pass.TypesInfo, n)
			if i := api.SendArg(name); i >= 0 && i < len(n.Args) {
				if g := c.carries(n.Args[i]); g != nil {
					report.At(c.pass, n.Pos(), nil, "%s points into the data of guard %s and is sent on a channel, where it outlives the lock; send a copy of the value instead", types.ExprString(n.Args[i]), g.Name())
				}
			}
			if api.Spawns(name) {
				for _, a := range n.Args {
					if _, ok := a.(*ast.FuncLit); ok {
						c.spawned(n, a, nil)
					}
				}
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if g := c.carries(r); g != nil && deferred[g] {
					report.At(c.pass, n.Pos(), nil, "%s points into the data of guard %s and is returned past the deferred %s.Unlock(); return a copy of the value instead", types.ExprString(r), g.Name(), g.Name())
				}
			}
		}
	})
}

// outlives reports whether storing in lhs keeps the value past the
// function: a field, an element, a dereference or a package variable.
func (c *checker) outlives(lhs ast.Expr) bool {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		v, ok := c.obj(l).(*types.Var)
		return ok && !c.local(v)
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		if id, ok := rootIdent(l); ok {
			if v, ok := c.obj(id).(*types.Var); ok && c.derived[v] != nil {
				return false // a write into the guarded data itself
			}
		}
		return true
	}
	return false
}

func rootIdent(e ast.Expr) (*ast.Ident, bool) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x, true
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil, false
		}
	}
}

// spawned checks what a new goroutine gets: fun and args of a go
// statement, or a function literal given to thread.Go and its kin.
func (c *checker) spawned(at ast.Node, fun ast.Expr, args []ast.Expr) {
	for _, a := range args {
		if g := c.carries(a); g != nil {
			report.At(c.pass, at.Pos(), nil, "%s points into the data of guard %s and is given to a goroutine, which may use it after the lock is released; give it a copy of the value instead", types.ExprString(a), g.Name())
			return
		}
		if id, ok := ast.Unparen(a).(*ast.Ident); ok {
			if v, ok := c.obj(id).(*types.Var); ok && c.guards[v] {
				return // handed on: the function it runs decides
			}
		}
	}
	lit, ok := ast.Unparen(fun).(*ast.FuncLit)
	if !ok {
		return
	}
	unlocks := c.unlocksIn(lit.Body)
	reported := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || reported {
			return !reported
		}
		v, ok := c.obj(id).(*types.Var)
		if !ok || v.Pos() >= lit.Pos() && v.Pos() < lit.End() {
			return true
		}
		if g := c.derived[v]; g != nil && !unlocks[g] {
			report.At(c.pass, at.Pos(), nil, "%s points into the data of guard %s and is used by a goroutine, which may run after the lock is released; give it a copy of the value instead", id.Name, g.Name())
			reported = true
		} else if c.guards[v] && !unlocks[v] {
			report.At(c.pass, at.Pos(), nil, "guard %s is given to a goroutine that does not unlock it; unlock it in the goroutine (defer %s.Unlock()) or keep it here", v.Name(), v.Name())
			reported = true
		}
		return true
	})
}

// unlocksIn are the guards that body unlocks.
func (c *checker) unlocksIn(body ast.Node) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := api.Callee(c.pass.TypesInfo, call)
		if api.LockOp(api.Name(fn)) == api.Release {
			if id, ok := ast.Unparen(api.Receiver(call)).(*ast.Ident); ok {
				if v, ok := c.obj(id).(*types.Var); ok {
					out[v] = true
				}
			}
		} else if fn != nil {
			if sum := c.sum(fn); sum != nil {
				for _, e := range sum.Releases {
					if id, ok := argAt(call, fn, e.Param).(*ast.Ident); ok && e.Guard {
						if v, ok := c.obj(id).(*types.Var); ok {
							out[v] = true
						}
					}
				}
			}
		}
		return true
	})
	return out
}

// deferredUnlocks are the guards that a deferred call of f unlocks.
func (c *checker) deferredUnlocks() map[*types.Var]bool {
	out := map[*types.Var]bool{}
	own(c.f.Body, func(n ast.Node) {
		if d, ok := n.(*ast.DeferStmt); ok {
			for v := range c.unlocksIn(d.Call) {
				out[v] = true
			}
		}
	})
	return out
}
