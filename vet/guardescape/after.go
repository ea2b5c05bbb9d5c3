package guardescape

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// unlocked is a guard that a path has unlocked, and where.
type unlocked struct {
	guard   *types.Var
	at      token.Pos
	cleared *types.Var // instead: a pointer variable given another value since
}

// afterUnlock is the dataflow problem of uses after Unlock.
type afterUnlock struct {
	flow.NoEdges[unlocked]
	c        *checker
	final    bool
	reported map[token.Pos]bool
}

func (c *checker) useAfterUnlock() {
	p := &afterUnlock{c: c, reported: map[token.Pos]bool{}}
	r := flow.Solve(c.f.CFG, flow.Set[unlocked]{}, flow.Problem[unlocked](p))
	p.final = true
	for _, b := range c.f.CFG.Blocks {
		if in, ok := r.In[b]; ok && b.Live {
			flow.Through(b, in, flow.Problem[unlocked](p))
		}
	}
}

func (p *afterUnlock) Enter(*cfg.Block, flow.Set[unlocked]) {}

func (p *afterUnlock) Node(n ast.Node, s flow.Set[unlocked]) {
	if _, ok := n.(*ast.DeferStmt); ok {
		return // it runs at the end
	}
	c := p.c
	if p.final && len(s) > 0 {
		p.uses(n, s)
	}
	// what the node does: unlock, or take a guard afresh
	own(n, func(x ast.Node) {
		switch x := x.(type) {
		case *ast.CallExpr:
			fn := api.Callee(c.pass.TypesInfo, x)
			if api.LockOp(api.Name(fn)) == api.Release {
				if id, ok := ast.Unparen(api.Receiver(x)).(*ast.Ident); ok {
					if v, ok := c.obj(id).(*types.Var); ok && c.guards[v] {
						s.Add(unlocked{guard: v, at: x.Pos()})
					}
				}
				return
			}
			if fn == nil {
				return
			}
			if sum := c.sum(fn); sum != nil {
				for _, e := range sum.Releases {
					if !e.Guard || e.Sel != "" {
						continue
					}
					if id, ok := argAt(x, fn, e.Param).(*ast.Ident); ok {
						if v, ok := c.obj(id).(*types.Var); ok && c.guards[v] {
							s.Add(unlocked{guard: v, at: x.Pos()})
						}
					}
				}
			}
		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				var r ast.Expr
				if len(x.Lhs) == len(x.Rhs) {
					r = x.Rhs[i]
				}
				c.fresh(l, r, s)
			}
		case *ast.ValueSpec:
			for i, l := range x.Names {
				var r ast.Expr
				if len(x.Names) == len(x.Values) {
					r = x.Values[i]
				}
				c.fresh(l, r, s)
			}
		}
	})
}

// fresh forgets that the guard assigned at lhs was unlocked, or notes that
// a pointer variable no longer points where it did.
func (c *checker) fresh(lhs, rhs ast.Expr, s flow.Set[unlocked]) {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return
	}
	v, ok := c.obj(id).(*types.Var)
	if !ok {
		return
	}
	if c.guards[v] {
		s.Filter(func(u unlocked) bool { return u.guard == v })
		return
	}
	if c.derived[v] == nil {
		return
	}
	if rhs != nil && c.carries(rhs) != nil {
		s.Filter(func(u unlocked) bool { return u.cleared == v })
	} else {
		s.Add(unlocked{cleared: v})
	}
}

// argAt is the expression a call passes as parameter i of fn (the
// receiver first), nil if none.
func argAt(call *ast.CallExpr, fn *types.Func, i int) ast.Expr {
	if fn.Type().(*types.Signature).Recv() != nil {
		if i == 0 {
			return ast.Unparen(api.Receiver(call))
		}
		i--
	}
	if i >= 0 && i < len(call.Args) {
		return ast.Unparen(call.Args[i])
	}
	return nil
}

// uses reports the uses in n of a guard that s has unlocked, or of a
// pointer into its data.
func (p *afterUnlock) uses(n ast.Node, s flow.Set[unlocked]) {
	c := p.c
	var stack []ast.Node
	ast.Inspect(n, func(x ast.Node) bool {
		if x == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if _, ok := x.(*ast.FuncLit); ok {
			return false
		}
		if id, ok := x.(*ast.Ident); ok && !p.reported[id.Pos()] && isUse(stack, id) {
			if g := c.guardOf(id); g != nil && !s.Has(unlocked{cleared: c.varOf(id)}) {
				for u := range s {
					if u.guard != g {
						continue
					}
					p.reported[id.Pos()] = true
					where := report.Where(c.pass, id.Pos(), u.at)
					if types.Object(g) == c.obj(id) {
						report.At(c.pass, id.Pos(), nil, "guard %s is used after %s.Unlock() at %s; keep the use inside the lock or copy the value out with Load", g.Name(), g.Name(), where)
					} else {
						report.At(c.pass, id.Pos(), nil, "%s points into the data of guard %s and is used after %s.Unlock() at %s; keep the use inside the lock or copy the value out before the Unlock", id.Name, g.Name(), g.Name(), where)
					}
					break
				}
			}
		}
		stack = append(stack, x)
		return true
	})
}

// isUse reports whether id under stack reads its variable: not an
// assignment to it, not the receiver of an (idempotent) Unlock.
func isUse(stack []ast.Node, id *ast.Ident) bool {
	if len(stack) == 0 {
		return true
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.SelectorExpr:
		if p.X == id && p.Sel.Name == "Unlock" {
			return false
		}
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == id {
				return false
			}
		}
	case *ast.ValueSpec:
		return false
	}
	return true
}

func (c *checker) varOf(id *ast.Ident) *types.Var {
	v, _ := c.obj(id).(*types.Var)
	return v
}
