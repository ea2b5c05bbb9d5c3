package locks

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/fearlessgo/fearless/vet/internal/api"
	"github.com/fearlessgo/fearless/vet/internal/flow"
)

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
