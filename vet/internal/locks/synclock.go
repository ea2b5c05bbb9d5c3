package locks

import (
	"go/ast"
	"go/types"

	"github.com/fearlessgo/fearless/vet/internal/api"
)

// syncHeld is the Held of a sync method call on a lock.
func (m *machine) syncHeld(call *ast.CallExpr, mode string) (Held, bool) {
	root := api.Receiver(call)
	p, ok := api.PathOf(m.info(), root)
	if !ok {
		return Held{}, false
	}
	sel, owner, field := promoted(m.info(), call)
	full := p
	full.Sel += sel
	if owner != nil {
		full.Owner, full.Field = owner, field
	}
	h := Held{Key: full.Key() + "#" + mode, Class: full.Class(), Name: full.Text, Pos: call.Pos(), Sync: true, Mode: mode, Param: -2, Sel: sel, Taker: types.ExprString(call), Lock: full.Text, LockKey: full.Key(), Root: rootVar(full)}
	if e, ok := m.effect(root, sel, mode, false); ok {
		h.Param, h.Sel = e.Param, e.Sel
	}
	return h, true
}

// promoted is the path, struct type and field of the embedded lock when
// call's method is promoted from an embedded sync.Mutex or RWMutex.
func promoted(info *types.Info, call *ast.CallExpr) (string, *types.Named, string) {
	se, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", nil, ""
	}
	sel, ok := info.Selections[se]
	if !ok || len(sel.Index()) < 2 {
		return "", nil, ""
	}
	t := sel.Recv()
	path := ""
	var owner *types.Named
	field := ""
	for _, idx := range sel.Index()[:len(sel.Index())-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		n, _ := types.Unalias(t).(*types.Named)
		st, ok := t.Underlying().(*types.Struct)
		if !ok || idx >= st.NumFields() {
			return "", nil, ""
		}
		f := st.Field(idx)
		path += "." + f.Name()
		if n != nil {
			owner, field = n.Origin(), f.Name()
		}
		t = f.Type()
	}
	return path, owner, field
}
