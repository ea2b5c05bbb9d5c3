package rewrite

import (
	"go/ast"
	"go/types"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/ast/astutil"
)

const (
	testingName    = "fearless_testing"
	stdTestingName = "fearless_stdtesting"
	renamedPrefix  = "fearless_"
)

// tests renames each TestX(t *testing.T) of a test file to fearless_TestX
// (its t is now the drop-in *testing.T) and adds a TestX with go test's own
// signature that runs it through the drop-in package's Run.
func (r *rewriter) tests() {
	var wrappers []ast.Decl
	renamed := map[types.Object]string{}
	for _, d := range r.file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || !isTestName(fd.Name.Name) || !r.takesT(fd) {
			continue
		}
		name := fd.Name.Name
		renamed[r.info.Defs[fd.Name]] = renamedPrefix + name
		fd.Name = &ast.Ident{NamePos: fd.Name.NamePos, Name: renamedPrefix + name}
		wrappers = append(wrappers, wrapper(name))
	}
	if len(wrappers) == 0 {
		return
	}
	// Calls of a renamed test from elsewhere in the file follow it.
	ast.Inspect(r.file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if to, ok := renamed[r.info.Uses[id]]; ok {
				id.Name = to
			}
		}
		return true
	})
	r.file.Decls = append(r.file.Decls, wrappers...)
	astutil.AddNamedImport(r.fset, r.file, stdTestingName, "testing")
	astutil.AddNamedImport(r.fset, r.file, testingName, gortPath+"/testing")
}

// wrapper is func TestX(t *testing.T) { fearless_testing.Run(t, fearless_TestX) }.
func wrapper(name string) *ast.FuncDecl {
	t := ast.NewIdent("t")
	return &ast.FuncDecl{
		Name: ast.NewIdent(name),
		Type: &ast.FuncType{Params: &ast.FieldList{List: []*ast.Field{{
			Names: []*ast.Ident{t},
			Type:  &ast.StarExpr{X: &ast.SelectorExpr{X: ast.NewIdent(stdTestingName), Sel: ast.NewIdent("T")}},
		}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: call(
			&ast.SelectorExpr{X: ast.NewIdent(testingName), Sel: ast.NewIdent("Run")},
			ast.NewIdent("t"), ast.NewIdent(renamedPrefix+name),
		)}}},
	}
}

// isTestName reports whether go test takes name for a test: Test, then
// nothing or a character that is not a lower-case letter.
func isTestName(name string) bool {
	rest, ok := strings.CutPrefix(name, "Test")
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	c, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLower(c)
}

// takesT reports whether fd is func(t *testing.T) with no results.
func (r *rewriter) takesT(fd *ast.FuncDecl) bool {
	obj, ok := r.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	sig := obj.Type().(*types.Signature)
	if sig.Params().Len() != 1 || sig.Results().Len() != 0 || sig.TypeParams().Len() != 0 {
		return false
	}
	ptr, ok := sig.Params().At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := ptr.Elem().(*types.Named)
	return ok && named.Obj().Name() == "T" && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "testing"
}
