package flow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// An Atom is a condition known to hold on an edge: X is true when True,
// false otherwise. X is never a !, && or ||.
type Atom struct {
	X    ast.Expr
	True bool
}

// Atoms are the conditions known to hold on the edge from b to b.Succs[i],
// when b ends by branching on a boolean condition.
func Atoms(info *types.Info, b *cfg.Block, i int) []Atom {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil
	}
	e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return nil
	}
	if t, ok := info.TypeOf(e).Underlying().(*types.Basic); !ok || t.Info()&types.IsBoolean == 0 {
		return nil
	}
	var out []Atom
	split(e, i == 0, &out)
	return out
}

func split(e ast.Expr, truth bool, out *[]Atom) {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			split(x.X, !truth, out)
			return
		}
	case *ast.BinaryExpr:
		if x.Op == token.LAND && truth || x.Op == token.LOR && !truth {
			split(x.X, truth, out)
			split(x.Y, truth, out)
			return
		}
		if x.Op == token.LAND || x.Op == token.LOR {
			return // either side may be the one that decided
		}
	}
	*out = append(*out, Atom{X: ast.Unparen(e), True: truth})
}

// NilTest reports whether a is a comparison of an expression with nil, and
// which expression, and whether a says it is nil.
func NilTest(info *types.Info, a Atom) (x ast.Expr, isNil, ok bool) {
	be, ok := a.X.(*ast.BinaryExpr)
	if !ok || be.Op != token.EQL && be.Op != token.NEQ {
		return nil, false, false
	}
	x, other := be.X, be.Y
	if isNilIdent(info, x) {
		x, other = other, x
	}
	if !isNilIdent(info, other) {
		return nil, false, false
	}
	return ast.Unparen(x), (be.Op == token.EQL) == a.True, true
}

func isNilIdent(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}
