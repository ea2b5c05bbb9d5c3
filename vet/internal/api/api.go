// Package api is what the analyzers of fearless vet know of the APIs they
// check: fearless's shared, mpsc and session packages and the standard
// library's sync. Every function the analyzers recognise is named here, by
// package path, receiver type and name, so that a renamed method shows up
// in one place.
package api

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Module is the fearless module path.
const Module = "github.com/fearlessgo/fearless"

// The package paths the analyzers know.
const (
	Shared  = Module + "/shared"
	Mpsc    = Module + "/mpsc"
	Session = Module + "/session"
	Thread  = Module + "/thread"
	Pool    = Module + "/pool"
	Sync    = "sync"
)

// Name is a function's name as the analyzers match it: "pkgpath.Func" or
// "pkgpath.Type.Method" (generic functions by their origin, methods by the
// type that declares them, pointer receiver or not).
func Name(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	fn = fn.Origin()
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			return fn.Pkg().Path() + "." + t.Obj().Name() + "." + fn.Name()
		case *types.Interface:
			return fn.Pkg().Path() + ".interface." + fn.Name()
		}
		return ""
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// Callee is the function a call invokes statically, or nil for a call of a
// function value, an interface method or a builtin.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if types.IsInterface(sig.Recv().Type()) {
			return nil
		}
	}
	return fn
}

// CallName is Name of the call's static callee, "" when there is none.
func CallName(info *types.Info, call *ast.CallExpr) string {
	return Name(Callee(info, call))
}

// Receiver is the expression a method call is made on (x in x.M()), or nil.
func Receiver(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// TypeName is "pkgpath.Name" of t's named type, through one pointer; "".
func TypeName(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// Builtin reports whether call calls the builtin name (panic, close, ...).
func Builtin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// Exempt reports whether pkgPath (or its external test package) is one of
// the fearless packages the analyzers leave alone: those that implement the
// types they check (shared, mpsc, session), whose code and tests use the
// types below their contract on purpose (a test of ErrReused reuses an
// endpoint), and those that catch the same mistakes at run time (model,
// the schedule explorer, and fearlesstest), whose tests are made of them.
func Exempt(pkgPath string) bool {
	pkgPath = strings.TrimSuffix(pkgPath, "_test")
	for _, p := range []string{Shared, Mpsc, Session, Module + "/model", Module + "/fearlesstest"} {
		if pkgPath == p || strings.HasPrefix(pkgPath, p+"/") {
			return true
		}
	}
	return false
}
