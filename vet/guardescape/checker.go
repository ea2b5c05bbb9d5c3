package guardescape

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/locks"
)

// checker looks at one function.
type checker struct {
	pass    *analysis.Pass
	f       *flow.Func
	sum     func(*types.Func) *locks.Summary
	guards  map[*types.Var]bool
	derived map[*types.Var]*types.Var // a pointer into a guard's data: the guard
}

func newChecker(pass *analysis.Pass, f *flow.Func, sum func(*types.Func) *locks.Summary) *checker {
	c := &checker{pass: pass, f: f, sum: sum, guards: map[*types.Var]bool{}, derived: map[*types.Var]*types.Var{}}
	own(f.Body, func(n ast.Node) {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.obj(id).(*types.Var); ok && !v.IsField() && api.IsGuard(api.TypeName(v.Type())) {
				c.guards[v] = true
			}
		}
	})
	if len(c.guards) == 0 {
		return c
	}
	for range 3 {
		own(f.Body, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						c.derive(n.Lhs[i], n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i := range n.Names {
						c.derive(n.Names[i], n.Values[i])
					}
				}
			}
		})
	}
	return c
}

func (c *checker) derive(lhs, rhs ast.Expr) {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return
	}
	v, ok := c.obj(id).(*types.Var)
	if !ok || c.guards[v] || !c.local(v) {
		return
	}
	if g := c.carries(rhs); g != nil {
		if _, ok := c.derived[v]; !ok {
			c.derived[v] = g
		}
	}
}

// own visits the nodes of body that run in the function itself, not those
// of the function literals written in it.
func own(body ast.Node, visit func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			visit(n)
		}
		return true
	})
}

func (c *checker) obj(id *ast.Ident) types.Object {
	if o := c.pass.TypesInfo.Defs[id]; o != nil {
		return o
	}
	return c.pass.TypesInfo.Uses[id]
}

// local reports whether v is a variable of a function (not of the package).
func (c *checker) local(v *types.Var) bool {
	return v.Pkg() == nil || v.Parent() != v.Pkg().Scope()
}

// guardOf is the guard that the variable id names or points into, or nil.
func (c *checker) guardOf(id *ast.Ident) *types.Var {
	v, ok := c.obj(id).(*types.Var)
	if !ok {
		return nil
	}
	if c.guards[v] {
		return v
	}
	return c.derived[v]
}

// carries is the guard whose data e points into: g.Get(), a variable
// derived from it, &p.f, or a composite or append holding one; nil if none.
func (c *checker) carries(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := c.obj(e).(*types.Var); ok {
			return c.derived[v]
		}
	case *ast.CallExpr:
		name := api.CallName(c.pass.TypesInfo, e)
		if isGet(name) {
			if id, ok := ast.Unparen(api.Receiver(e)).(*ast.Ident); ok {
				return c.guardOf(id)
			}
			return nil
		}
		if api.Builtin(c.pass.TypesInfo, e, "append") {
			for _, a := range e.Args[1:] {
				if g := c.carries(a); g != nil {
					return g
				}
			}
		}
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.rooted(e.X)
		}
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if g := c.carries(el); g != nil {
				return g
			}
		}
	}
	return nil
}

// rooted is the guard whose data the place e is in (p.f, (*p)[i]).
func (c *checker) rooted(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if g := c.carries(e.X); g != nil {
			return g
		}
		return c.rooted(e.X)
	case *ast.IndexExpr:
		return c.rooted(e.X)
	case *ast.StarExpr:
		return c.carries(e.X)
	}
	return nil
}

func isGet(name string) bool {
	switch name {
	case api.Shared + ".MutexGuard.Get", api.Shared + ".ReadGuard.Get", api.Shared + ".WriteGuard.Get":
		return true
	}
	return false
}
