package locks

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
)

// Edge refines s on a branch: a TryLock taken on its true edge, a guard
// that is nil or whose error is ErrWouldBlock holds nothing.
func (m *machine) Edge(b *cfg.Block, i int, s flow.Set[Held]) {
	for _, a := range flow.Atoms(m.info(), b, i) {
		if call, ok := a.X.(*ast.CallExpr); ok {
			if op, mode := api.SyncOp(api.CallName(m.info(), call)); op == api.TryAcq && a.True {
				if h, ok := m.syncHeld(call, mode); ok {
					h.Try = true
					m.take(h, s)
				}
			}
			if api.CallName(m.info(), call) == "errors.Is" && a.True && len(call.Args) == 2 && isWouldBlock(m.info(), call.Args[1]) {
				if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
					err := m.objOf(id)
					s.Filter(func(h Held) bool { return h.Try && h.Err != nil && types.Object(h.Err) == err })
				}
			}
			continue
		}
		if x, isNil, ok := flow.NilTest(m.info(), a); ok && isNil {
			if id, ok := x.(*ast.Ident); ok {
				v := m.objOf(id)
				s.Filter(func(h Held) bool { return h.Guard != nil && types.Object(h.Guard) == v && h.holding() })
			}
		}
	}
}

func isWouldBlock(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == api.Shared && v.Name() == "ErrWouldBlock"
}
