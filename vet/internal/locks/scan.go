package locks

import (
	"go/ast"
	"go/types"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
)

// scan applies the effects of the calls and guard uses in n, in the
// order they run (a call after its arguments). A function literal runs
// elsewhere: what it captures is handed on, unless it is called at once.
func (m *machine) scan(n ast.Node, s flow.Set[Held], spawned bool) {
	var stack []ast.Node
	ast.Inspect(n, func(x ast.Node) bool {
		if x == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if call, ok := top.(*ast.CallExpr); ok {
				m.call(call, s, spawned && top == n)
			}
			return false
		}
		var parent ast.Node
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		switch x := x.(type) {
		case *ast.FuncLit:
			if call, ok := parent.(*ast.CallExpr); ok && call.Fun == x && !(spawned && parent == n) {
				for _, k := range m.releasedIn(x.Body) {
					m.release(k.key, k.root, k.sel, k.mode, k.guard, s)
				}
			} else {
				m.handOn(x, s)
			}
			return false
		case *ast.Ident:
			if m.isGuardVar(x) && (handsOn(parent, x) || methodValue(stack, x)) {
				m.release(api.Path{Root: m.objOf(x)}.Key(), x, "", "", true, s)
			}
		}
		stack = append(stack, x)
		return true
	})
}

// isGuardVar reports whether id is a variable holding a fearless guard.
func (m *machine) isGuardVar(id *ast.Ident) bool {
	v, ok := m.objOf(id).(*types.Var)
	return ok && !v.IsField() && api.IsGuard(api.TypeName(v.Type()))
}

// handsOn reports whether a guard variable used as id under parent leaves
// the function's hands: anything but a method call on it, an argument
// (which the call decides), a comparison or an assignment to it.
func handsOn(parent ast.Node, id *ast.Ident) bool {
	switch p := parent.(type) {
	case *ast.SelectorExpr:
		return p.X != id
	case *ast.CallExpr:
		return p.Fun == id
	case *ast.BinaryExpr:
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
	case *ast.StarExpr, *ast.IncDecStmt:
		return false
	}
	return true
}

// methodValue reports whether id is the receiver of a method value, g.Unlock
// not called here (unlock := g.Unlock): whoever calls it releases the guard.
func methodValue(stack []ast.Node, id *ast.Ident) bool {
	if len(stack) == 0 {
		return false
	}
	sel, ok := stack[len(stack)-1].(*ast.SelectorExpr)
	if !ok || sel.X != id || sel.Sel.Name != "Unlock" {
		return false
	}
	if len(stack) > 1 {
		if call, ok := stack[len(stack)-2].(*ast.CallExpr); ok && call.Fun == sel {
			return false
		}
	}
	return true
}

// handOn is lit, written here and run elsewhere (a goroutine, a callback):
// the guards it uses and the locks it releases are its own now.
func (m *machine) handOn(lit *ast.FuncLit, s flow.Set[Held]) {
	ast.Inspect(lit.Body, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok && m.isGuardVar(id) {
			if v := m.objOf(id); v.Pos() < lit.Pos() || v.Pos() > lit.End() {
				m.release(api.Path{Root: v}.Key(), id, "", "", true, s)
			}
		}
		return true
	})
	for _, k := range m.releasedIn(lit.Body) {
		m.release(k.key, k.root, k.sel, k.mode, k.guard, s)
	}
}
