package rewrite_test

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"
)

// dropIns are the standard packages that rewritten code imports the
// replacement of, each with the names the replacement leaves out on
// purpose.
var dropIns = map[string]struct {
	path    string
	without []string
}{
	"sync":         {"github.com/fearlessgo/fearless/gort/sync", nil},
	"sync/atomic":  {"github.com/fearlessgo/fearless/gort/sync/atomic", []string{"LoadPointer", "StorePointer", "SwapPointer", "CompareAndSwapPointer"}},
	"time":         {"github.com/fearlessgo/fearless/gort/time", nil},
	"context":      {"github.com/fearlessgo/fearless/gort/context", nil},
	"testing":      {"github.com/fearlessgo/fearless/gort/testing", nil},
	"math/rand":    {"github.com/fearlessgo/fearless/gort/math/rand", nil},
	"math/rand/v2": {"github.com/fearlessgo/fearless/gort/math/rand/v2", nil},

	"testing/synctest": {"github.com/fearlessgo/fearless/gort/testing/synctest", nil},
}

// TestDropInsComplete checks that every exported name of a replaced
// standard package is in its replacement, of the same kind (a type, a
// function, a constant, a variable), with the same methods: code that
// compiles against the standard package compiles against the drop-in.
func TestDropInsComplete(t *testing.T) {
	var patterns []string
	for std, d := range dropIns {
		patterns = append(patterns, std, d.path)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*types.Package{}
	for _, p := range pkgs {
		byPath[p.PkgPath] = p.Types
	}
	for std, d := range dropIns {
		orig, repl := byPath[std], byPath[d.path]
		if orig == nil || repl == nil {
			t.Fatalf("%s or %s did not load", std, d.path)
		}
		skip := map[string]bool{}
		for _, n := range d.without {
			skip[n] = true
		}
		for _, name := range orig.Scope().Names() {
			o := orig.Scope().Lookup(name)
			if !o.Exported() || skip[name] {
				continue
			}
			r := repl.Scope().Lookup(name)
			if r == nil {
				t.Errorf("%s.%s is missing from %s", std, name, d.path)
				continue
			}
			if kind(o) == "func" && kind(r) == "var" && types.Identical(o.Type(), r.Type()) {
				continue // a variable holding the standard function: calls are the same
			}
			if kind(o) != kind(r) {
				t.Errorf("%s.%s is a %s, the drop-in's a %s", std, name, kind(o), kind(r))
				continue
			}
			if tn, ok := o.(*types.TypeName); ok {
				missingMethods(t, std, tn, r.(*types.TypeName))
			}
		}
	}
}

func kind(o types.Object) string {
	switch o.(type) {
	case *types.TypeName:
		return "type"
	case *types.Func:
		return "func"
	case *types.Const:
		return "const"
	case *types.Var:
		return "var"
	}
	return "other"
}

// missingMethods reports the exported methods of *std that *repl lacks.
func missingMethods(t *testing.T, pkg string, std, repl *types.TypeName) {
	have := types.NewMethodSet(types.NewPointer(repl.Type()))
	want := types.NewMethodSet(types.NewPointer(std.Type()))
	for i := range want.Len() {
		m := want.At(i).Obj()
		if !m.Exported() {
			continue
		}
		if have.Lookup(m.Pkg(), m.Name()) == nil && have.Lookup(repl.Pkg(), m.Name()) == nil {
			t.Errorf("%s.%s has method %s, the drop-in's has not", pkg, std.Name(), m.Name())
		}
	}
}
