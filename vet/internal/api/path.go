package api

import (
	"fmt"
	"go/ast"
	"go/types"
)

// A Path names a place in memory the same way each time it is written: a
// variable, then field selections, dereferences, indexing (any index) and
// the accessors of an Arc (Get, Value). s.mu, s.shards[i].mu and
// lockA.Value() are paths; f().mu is not.
type Path struct {
	Root types.Object // the variable the path starts from
	Sel  string       // what follows it: ".mu", "[].mu", "" for the variable itself
	Text string       // as written
	// Owner and Field are the struct type and field name of the last field
	// selection, nil and "" when the path has none.
	Owner *types.Named
	Field string
}

// PathOf is e's Path, false when e is not a path.
func PathOf(info *types.Info, e ast.Expr) (Path, bool) {
	p := Path{Text: types.ExprString(e)}
	ok := walk(info, e, &p)
	return p, ok && p.Root != nil
}

func walk(info *types.Info, e ast.Expr, p *Path) bool {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return walk(info, e.X, p)
	case *ast.Ident:
		obj, ok := info.Uses[e].(*types.Var)
		if !ok {
			obj, ok = info.Defs[e].(*types.Var)
		}
		if !ok {
			return false
		}
		p.Root = obj
		return true
	case *ast.StarExpr:
		return walk(info, e.X, p)
	case *ast.UnaryExpr:
		if e.Op.String() != "&" {
			return false
		}
		return walk(info, e.X, p)
	case *ast.IndexExpr:
		if !walk(info, e.X, p) {
			return false
		}
		p.Sel += "[]"
		return true
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok {
			// a qualified identifier: pkg.Var
			return walk(info, e.Sel, p)
		}
		if sel.Kind() != types.FieldVal {
			return false
		}
		if !walk(info, e.X, p) {
			return false
		}
		p.Sel += "." + e.Sel.Name
		p.Owner = named(sel.Recv())
		p.Field = e.Sel.Name
		return true
	case *ast.CallExpr:
		// an Arc's accessor: a.Get(), a.Value()
		fn := CallName(info, e)
		if fn != Shared+".Arc.Get" && fn != Shared+".Arc.Value" || len(e.Args) != 0 {
			return false
		}
		if !walk(info, Receiver(e), p) {
			return false
		}
		p.Sel += ".*"
		return true
	}
	return false
}

func named(t types.Type) *types.Named {
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Named:
			return u.Origin()
		}
		return nil
	}
}

// Class names the lock at p across the functions of a package and across
// packages when it can: "pkg.T.mu" for a field mu of struct type T, "pkg.v"
// for a package-level variable (with what follows it), and for a local
// variable its position, which is the same for every closure that uses it.
func (p Path) Class() string {
	if p.Owner != nil && p.Owner.Obj().Pkg() != nil {
		return p.Owner.Obj().Pkg().Path() + "." + p.Owner.Obj().Name() + "." + p.Field
	}
	if p.Global() {
		return p.Root.Pkg().Path() + "." + p.Root.Name() + p.Sel
	}
	return fmt.Sprintf("local %s@%d%s", p.Root.Name(), p.Root.Pos(), p.Sel)
}

// Key names the place within one function: the variable and what follows.
func (p Path) Key() string {
	if p.Global() {
		return p.Root.Pkg().Path() + "." + p.Root.Name() + p.Sel
	}
	return fmt.Sprintf("%s@%d%s", p.Root.Name(), p.Root.Pos(), p.Sel)
}

// Global reports whether p starts from a package-level variable.
func (p Path) Global() bool {
	return p.Root.Pkg() != nil && p.Root.Parent() == p.Root.Pkg().Scope()
}
