// Package rewrite turns a type-checked Go package into the same package
// calling the runtime of package gort for its concurrency and the other
// sources of nondeterminism the explorer decides: go statements, channel
// operations, select, range over maps, and the packages sync, sync/atomic,
// time, context, math/rand, math/rand/v2 and testing. fearless test builds
// the result through an overlay, so the user's files never change;
// go/printer's //line directives keep every position, so the runtime
// reports the user's own file and line.
package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Import paths of the runtime.
const (
	gortPath = "github.com/fearlessgo/fearless/gort"
	gortName = "fearless_gort"
)

// replaced maps a standard package to its drop-in replacement.
var replaced = map[string]string{
	"sync":         gortPath + "/sync",
	"sync/atomic":  gortPath + "/sync/atomic",
	"time":         gortPath + "/time",
	"context":      gortPath + "/context",
	"math/rand":    gortPath + "/math/rand",
	"math/rand/v2": gortPath + "/math/rand/v2",

	"testing/synctest": gortPath + "/testing/synctest",
}

// unsafeAtomics are the sync/atomic functions on unsafe.Pointer, which the
// drop-in package does not have: calls of them keep going to sync/atomic.
var unsafeAtomics = map[string]bool{
	"LoadPointer": true, "StorePointer": true, "SwapPointer": true, "CompareAndSwapPointer": true,
}

const stdAtomicName = "fearless_stdatomic"

// File rewrites one file of a package and returns its new source. info
// must describe the file as it was parsed (the package's own type-checking).
func File(fset *token.FileSet, f *ast.File, info *types.Info, isTest bool) ([]byte, error) {
	r := &rewriter{fset: fset, info: info, file: f, skip: map[ast.Node]bool{}, selectBlocks: map[*ast.BlockStmt]bool{}, isTest: isTest}
	r.imports()
	r.branches()
	astutil.Apply(f, r.pre, r.post)
	r.dropRuntime()
	if len(r.positions) > 0 {
		f.Decls = append(f.Decls, &ast.GenDecl{Tok: token.VAR, Specs: r.positions})
	}
	if r.usesGort {
		astutil.AddNamedImport(fset, f, gortName, gortPath)
	}
	if r.usesStdAtomic {
		astutil.AddNamedImport(fset, f, stdAtomicName, "sync/atomic")
	}
	if isTest {
		r.tests()
	}
	var buf bytes.Buffer
	cfg := printer.Config{Mode: printer.SourcePos | printer.UseSpaces | printer.TabIndent, Tabwidth: 8}
	if err := cfg.Fprint(&buf, fset, f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type rewriter struct {
	fset          *token.FileSet
	info          *types.Info
	file          *ast.File
	skip          map[ast.Node]bool                     // comm statements of selects, rewritten with the select
	labelUses     map[types.Object]map[token.Token]bool // how branch statements name each label
	selectBlocks  map[*ast.BlockStmt]bool               // blocks that selects became
	n             int                                   // names made so far
	usesGort      bool
	usesStdAtomic bool
	isTest        bool
	atomicName    string     // the name sync/atomic's replacement goes by in the file
	runtimeName   string     // the name package runtime goes by in the file
	positions     []ast.Spec // the package-level fearless_gort.Pos of each place (posOf)
}

// imports points the standard packages with drop-in replacements at them,
// under the names the file uses.
func (r *rewriter) imports() {
	for _, spec := range r.file.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name := path[strings.LastIndexByte(path, '/')+1:]
		if pn := r.info.PkgNameOf(spec); pn != nil {
			name = pn.Name() // math/rand/v2 is rand
		}
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if path == "runtime" {
			r.runtimeName = name
		}
		repl, ok := replaced[path]
		if path == "testing" {
			// In every file, not only the test files: a helper in a
			// package's other files that takes a *testing.T is handed
			// the tests' drop-in one.
			repl, ok = gortPath+"/testing", true
		}
		if !ok || name == "_" || name == "." {
			continue
		}
		if path == "sync/atomic" {
			r.atomicName = name
		}
		spec.Name = ast.NewIdent(name)
		spec.Path.Value = strconv.Quote(repl)
	}
}

// dropRuntime keeps package runtime imported only for its side effects
// when the file used it for nothing but the calls that became gort's
// (Gosched, LockOSThread): an import left unused does not compile.
func (r *rewriter) dropRuntime() {
	if r.runtimeName == "" || r.runtimeName == "_" || r.runtimeName == "." || astutil.UsesImport(r.file, "runtime") {
		return
	}
	for _, spec := range r.file.Imports {
		if spec.Path.Value == `"runtime"` {
			spec.Name = &ast.Ident{NamePos: spec.Path.Pos(), Name: "_"}
		}
	}
}

// fresh returns a new name for a variable the rewriting introduces.
func (r *rewriter) fresh(what string) string {
	r.n++
	return fmt.Sprintf("fearless_%s%d", what, r.n)
}

// gortAt is the runtime's name at pos, so that the line directives give the call
// the line of the statement it stands for.
func (r *rewriter) gortAt(pos token.Pos, name string) ast.Expr {
	r.usesGort = true
	return &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: gortName}, Sel: ast.NewIdent(name)}
}

// posOf returns a package-level variable holding the place of pos in the
// user's file, as reports name it ("dir/file.go:12"), made once for the
// program rather than found by walking the stack each time.
func (r *rewriter) posOf(pos token.Pos) ast.Expr {
	p := r.fset.Position(pos)
	file := filepath.Base(r.fset.File(r.file.Pos()).Name())
	name := fmt.Sprintf("fearless_pos_%s_%d", strings.Map(identRune, file), len(r.positions)+1)
	at := strconv.Quote(sched.ShortFile(p.Filename) + ":" + strconv.Itoa(p.Line))
	r.positions = append(r.positions, &ast.ValueSpec{
		Names:  []*ast.Ident{ast.NewIdent(name)},
		Values: []ast.Expr{call(r.gortAt(token.NoPos, "At"), &ast.BasicLit{Kind: token.STRING, Value: at})},
	})
	return ast.NewIdent(name)
}

// identRune keeps the letters and digits of a file name, for a name made
// from it.
func identRune(c rune) rune {
	if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
		return c
	}
	return '_'
}

func call(fun ast.Expr, args ...ast.Expr) *ast.CallExpr { return &ast.CallExpr{Fun: fun, Args: args} }

func method(x ast.Expr, name string, args ...ast.Expr) *ast.CallExpr {
	return call(&ast.SelectorExpr{X: x, Sel: ast.NewIdent(name)}, args...)
}

// isChan reports whether e is of a channel type.
func (r *rewriter) isChan(e ast.Expr) bool {
	tv, ok := r.info.Types[e]
	if !ok || tv.Type == nil {
		return false
	}
	_, isChan := tv.Type.Underlying().(*types.Chan)
	return isChan
}

// isMap reports whether e is of a map type.
func (r *rewriter) isMap(e ast.Expr) bool {
	tv, ok := r.info.Types[e]
	if !ok || tv.Type == nil {
		return false
	}
	_, isMap := tv.Type.Underlying().(*types.Map)
	return isMap
}

// builtin reports whether e names the builtin function name.
func (r *rewriter) builtin(e ast.Expr, name string) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name != name {
		return false
	}
	_, isBuiltin := r.info.Uses[id].(*types.Builtin)
	return isBuiltin
}

func (r *rewriter) pre(c *astutil.Cursor) bool {
	switch n := c.Node().(type) {
	case *ast.SelectStmt:
		for _, cl := range n.Body.List {
			if cc := cl.(*ast.CommClause); cc.Comm != nil {
				r.skip[cc.Comm] = true
				switch s := cc.Comm.(type) {
				case *ast.ExprStmt:
					r.skip[ast.Unparen(s.X)] = true
				case *ast.AssignStmt:
					r.skip[ast.Unparen(s.Rhs[0])] = true
				}
			}
		}
	case *ast.AssignStmt:
		if len(n.Lhs) == 2 && len(n.Rhs) == 1 && isRecv(n.Rhs[0]) {
			r.skip[ast.Unparen(n.Rhs[0])] = true
		}
	case *ast.ValueSpec:
		if len(n.Names) == 2 && len(n.Values) == 1 && isRecv(n.Values[0]) {
			r.skip[ast.Unparen(n.Values[0])] = true
		}
	}
	return true
}

func isRecv(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

func (r *rewriter) post(c *astutil.Cursor) bool {
	n := c.Node()
	if r.skip[n] {
		return true
	}
	switch n := n.(type) {
	case *ast.SendStmt:
		c.Replace(&ast.ExprStmt{X: method(call(r.gortAt(n.Pos(), "Out"), n.Chan), "Send", n.Value)})
	case *ast.UnaryExpr:
		if n.Op == token.ARROW {
			c.Replace(method(call(r.gortAt(n.OpPos, "In"), n.X), "Recv"))
		}
	case *ast.AssignStmt:
		if len(n.Lhs) == 2 && len(n.Rhs) == 1 && isRecv(n.Rhs[0]) {
			n.Rhs[0] = r.recv2(n.Rhs[0])
		}
	case *ast.ValueSpec:
		if len(n.Names) == 2 && len(n.Values) == 1 && isRecv(n.Values[0]) {
			n.Values[0] = r.recv2(n.Values[0])
		}
	case *ast.CallExpr:
		r.callExpr(c, n)
	case *ast.RangeStmt:
		if r.isChan(n.X) {
			n.X = method(call(r.gortAt(n.X.Pos(), "In"), n.X), "Range")
		} else if r.isMap(n.X) {
			n.X = call(r.gortAt(n.X.Pos(), "MapRangeAt"), r.posOf(n.X.Pos()), n.X)
		}
	case *ast.GoStmt:
		c.Replace(r.goStmt(n))
	case *ast.SelectStmt:
		c.Replace(r.selectStmt(n))
	case *ast.LabeledStmt:
		if b, ok := n.Stmt.(*ast.BlockStmt); ok && r.selectBlocks[b] {
			c.Replace(r.labeledSelect(n, b))
		}
	}
	return true
}

func (r *rewriter) recv2(e ast.Expr) ast.Expr {
	u := ast.Unparen(e).(*ast.UnaryExpr)
	return method(call(r.gortAt(u.OpPos, "In"), u.X), "Recv2")
}

// callExpr rewrites close, len, cap and make of channels, runtime.Gosched,
// and the sync/atomic functions the drop-in package lacks.
func (r *rewriter) callExpr(c *astutil.Cursor, n *ast.CallExpr) {
	switch {
	case len(n.Args) == 1 && r.builtin(n.Fun, "close"):
		n.Fun = r.gortAt(n.Fun.Pos(), "Close")
	case len(n.Args) == 1 && r.builtin(n.Fun, "len") && r.isChan(n.Args[0]):
		n.Fun = r.gortAt(n.Fun.Pos(), "Len")
	case len(n.Args) == 1 && r.builtin(n.Fun, "cap") && r.isChan(n.Args[0]):
		n.Fun = r.gortAt(n.Fun.Pos(), "Cap")
	case len(n.Args) >= 1 && r.builtin(n.Fun, "make") && r.isChan(n.Args[0]):
		c.Replace(call(r.gortAt(n.Pos(), "MadeAt"), r.posOf(n.Pos()), n))
	}
	sel, ok := n.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	if _, isPkg := r.info.Uses[pkg].(*types.PkgName); !isPkg {
		return
	}
	switch {
	case pkg.Name == r.runtimeName && (sel.Sel.Name == "Gosched" || sel.Sel.Name == "LockOSThread" || sel.Sel.Name == "UnlockOSThread"):
		n.Fun = r.gortAt(n.Fun.Pos(), sel.Sel.Name)
	case pkg.Name == r.atomicName && unsafeAtomics[sel.Sel.Name]:
		r.usesStdAtomic = true
		sel.X = ast.NewIdent(stdAtomicName)
	}
}
