package locks

import (
	"go/ast"
	"go/token"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
)

type released struct {
	key   string
	root  ast.Expr
	sel   string
	mode  string
	guard bool
}

// releasedIn lists the locks that the calls in body release.
func (m *machine) releasedIn(body ast.Node) []released {
	var out []released
	ast.Inspect(body, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := api.Callee(m.info(), call)
		name := api.Name(fn)
		if op, mode := api.SyncOp(name); op == api.Release {
			if h, ok := m.syncHeld(call, mode); ok {
				out = append(out, released{h.Key, api.Receiver(call), "", mode, false})
			}
		} else if api.LockOp(name) == api.Release {
			if p, ok := api.PathOf(m.info(), api.Receiver(call)); ok {
				out = append(out, released{p.Key(), api.Receiver(call), "", "", true})
			}
		} else if fn != nil && m.sum != nil {
			if sum := m.sum(fn); sum != nil {
				for _, e := range sum.Releases {
					if k, root, ok := m.mapEffect(call, fn, e); ok {
						out = append(out, released{k, root, e.Sel, e.Mode, e.Guard})
					}
				}
			}
		}
		return true
	})
	return out
}

// deferred is a defer statement: what its call releases is released at
// the end of the function.
func (m *machine) deferred(call *ast.CallExpr, s flow.Set[Held]) {
	var ks []released
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		ks = m.releasedIn(lit.Body)
	} else {
		for _, a := range call.Args {
			m.scan(a, s, false)
		}
		ks = m.releasedIn(call)
	}
	for _, k := range ks {
		found := false
		s.Map(func(h Held) Held {
			if h.Key == k.key {
				h.Deferred = true
				found = true
			}
			return h
		})
		if !found {
			s.Add(Held{Key: k.key, Deferred: true, Param: -2, Pos: token.NoPos})
		}
		if m.final {
			m.res.Released[k.key] = true
		}
	}
}
