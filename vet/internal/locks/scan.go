package locks

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

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

// call applies a call's effect on the locks.
func (m *machine) call(call *ast.CallExpr, s flow.Set[Held], spawned bool) {
	info := m.info()
	fn := api.Callee(info, call)
	name := api.Name(fn)
	if op, mode := api.SyncOp(name); op != api.NoLock {
		h, ok := m.syncHeld(call, mode)
		if !ok {
			return
		}
		switch op {
		case api.Acquire:
			m.take(h, s)
		case api.Release:
			sel, _, _ := promoted(info, call)
			m.release(h.Key, api.Receiver(call), sel, mode, false, s)
		}
		return
	}
	switch api.LockOp(name) {
	case api.Release:
		if p, ok := api.PathOf(info, api.Receiver(call)); ok {
			m.release(p.Key(), api.Receiver(call), "", "", true, s)
		}
		return
	case api.Briefly, api.Acquire, api.TryAcq:
		// Load, Set, With take the lock and give it back; a guard taken
		// where no variable holds it (return m.Lock()) is handed on.
		if m.final && m.hooks.Acquire != nil {
			if p, ok := api.PathOf(info, api.Receiver(call)); ok {
				m.hooks.Acquire(s, Held{Class: p.Class(), Name: p.Text, Lock: p.Text, Pos: call.Pos(), Try: api.LockOp(name) == api.TryAcq, Taker: types.ExprString(call)})
			}
		}
		if m.final {
			if p, ok := api.PathOf(info, api.Receiver(call)); ok {
				m.res.takes = append(m.res.takes, p.Class())
			}
		}
		return
	}
	if api.IsCondWait(name) {
		return
	}
	var sum *Summary
	if fn != nil && m.sum != nil && !spawned {
		sum = m.sum(fn)
	}
	if fn == nil || spawned {
		// a function value or an interface method: it may keep the guards it gets
		for _, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && m.isGuardVar(id) {
				m.release(api.Path{Root: m.objOf(id)}.Key(), id, "", "", true, s)
			}
		}
		return
	}
	if sum == nil {
		return
	}
	if m.final && m.hooks.Call != nil {
		m.hooks.Call(s, call, fn, sum)
	}
	if m.final {
		m.res.takes = append(m.res.takes, sum.Takes...)
	}
	for _, e := range sum.Locks {
		k, root, ok := m.mapEffect(call, fn, e)
		if !ok {
			continue
		}
		key, _, _ := strings.Cut(k, "#")
		if m.final && m.hooks.Again != nil {
			for o := range s {
				if o.holding() && o.Root != nil && o.LockKey == key && !o.Try {
					m.hooks.Again(o, Held{Pos: call.Pos(), Lock: o.Lock, LockKey: key, Mode: e.Mode, Class: e.Class}, fn.Name())
				}
			}
		}
		if m.final {
			if root == nil {
				m.res.locks = append(m.res.locks, e)
			} else if ce, ok := m.effect(root, e.Sel, e.Mode, false); ok {
				ce.Class = e.Class
				m.res.locks = append(m.res.locks, ce)
			}
		}
	}
	for _, e := range sum.Releases {
		if k, root, ok := m.mapEffect(call, fn, e); ok {
			m.release(k, root, e.Sel, e.Mode, e.Guard, s)
		}
	}
	for _, e := range sum.Acquires {
		if k, root, ok := m.mapEffect(call, fn, e); ok {
			h := Held{Key: k, Class: e.Class, Name: types.ExprString(root) + e.Sel, Pos: call.Pos(), Sync: !e.Guard, Mode: e.Mode, Param: -2, Taker: types.ExprString(call), Lock: types.ExprString(root) + e.Sel}
			if p, ok := api.PathOf(info, root); ok {
				if ce, ok := m.effect(root, e.Sel, e.Mode, e.Guard); ok {
					h.Param, h.Sel = ce.Param, ce.Sel
				}
				if e.Param >= 0 && !p.Global() && p.Owner == nil && e.Sel == "" {
					h.Class = p.Class()
				}
			}
			m.take(h, s)
		}
	}
}

// mapEffect is the key, in the caller, of the lock that e names in fn.
func (m *machine) mapEffect(call *ast.CallExpr, fn *types.Func, e Effect) (string, ast.Expr, bool) {
	suffix := ""
	if !e.Guard {
		suffix = "#" + e.Mode
	}
	if e.Param == -1 {
		return e.Sel + suffix, nil, true
	}
	var arg ast.Expr
	sig := fn.Type().(*types.Signature)
	i := e.Param
	if sig.Recv() != nil {
		if i == 0 {
			arg = api.Receiver(call)
		}
		i--
	}
	if arg == nil && i >= 0 && i < len(call.Args) {
		arg = call.Args[i]
	}
	if arg == nil {
		return "", nil, false
	}
	p, ok := api.PathOf(m.info(), arg)
	if !ok {
		return "", nil, false
	}
	p.Sel += e.Sel
	return p.Key() + suffix, arg, true
}

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
