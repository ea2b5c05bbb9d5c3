package rewrite

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// LoadMode is what Package needs of a loaded package.
const LoadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// Package rewrites every Go file of pkg and returns the new sources by the
// path of the file they replace. A package that uses cgo is not rewritten
// (its compiled files are not its sources), and says so with an error.
func Package(pkg *packages.Package) (map[string][]byte, error) {
	if len(pkg.Errors) > 0 {
		return nil, fmt.Errorf("%s: %v", pkg.PkgPath, pkg.Errors[0])
	}
	out := map[string][]byte{}
	for i, f := range pkg.Syntax {
		if i >= len(pkg.CompiledGoFiles) {
			break
		}
		path := pkg.CompiledGoFiles[i]
		if !strings.HasSuffix(path, ".go") || filepath.Dir(path) != dirOf(pkg) {
			return nil, fmt.Errorf("%s uses cgo, which fearless test does not rewrite", pkg.PkgPath)
		}
		src, err := File(pkg.Fset, f, pkg.TypesInfo, strings.HasSuffix(path, "_test.go"))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out[path] = src
	}
	return out, nil
}

func dirOf(pkg *packages.Package) string {
	if len(pkg.GoFiles) > 0 {
		return filepath.Dir(pkg.GoFiles[0])
	}
	return ""
}
