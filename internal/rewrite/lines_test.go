package rewrite_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// marks are what the line of the user's source must hold where a call of
// gort is: the operation it stands for.
var marks = map[string][]string{
	"Go":             {"go "},
	"Out":            {"<-"},
	"In":             {"<-", "range"},
	"Close":          {"close("},
	"Len":            {"len("},
	"Cap":            {"cap("},
	"Made":           {"make("},
	"Select":         {"select"},
	"Block":          {"select"},
	"MapRange":       {"range"},
	"Gosched":        {"Gosched"},
	"LockOSThread":   {"LockOSThread"},
	"UnlockOSThread": {"UnlockOSThread"},
	"Value":          {"<-"},
	"Got":            {"<-"},
}

// TestLineDirectives checks the rewritten sources' //line directives: each
// call of gort is, by them, on a line of the user's file that holds the
// operation it stands for, so that reports name the user's line.
func TestLineDirectives(t *testing.T) {
	for _, c := range loadCases(t) {
		for path, src := range c.files {
			orig, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(orig), "\n")
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, filepath.Join(t.TempDir(), "rewritten.go"), src, parser.ParseComments)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "fearless_gort" {
					return true
				}
				want := marks[sel.Sel.Name]
				if want == nil {
					return true
				}
				pos := fset.Position(call.Lparen)
				if filepath.Base(pos.Filename) != filepath.Base(path) || pos.Line < 1 || pos.Line > len(lines) {
					t.Errorf("%s/%s: fearless_gort.%s is at %s, not in the user's file", c.name, filepath.Base(path), sel.Sel.Name, pos)
					return true
				}
				line := lines[pos.Line-1]
				if !slices.ContainsFunc(want, func(m string) bool { return strings.Contains(line, m) }) {
					t.Errorf("%s/%s:%d: fearless_gort.%s is on this line, which has no %q:\n\t%s", c.name, filepath.Base(path), pos.Line, sel.Sel.Name, want, strings.TrimSpace(line))
				}
				return true
			})
		}
	}
}
