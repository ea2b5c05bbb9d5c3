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

// Package rewrites the Go files of pkg that done does not hold yet, and
// adds their new sources to done by the path of the file they replace.
// go/packages shares a file's syntax between a package and its test
// variant, and rewriting changes the syntax: each file must be rewritten
// once, by the first package that has it, so all the packages of one load
// share one done. A package that uses cgo is not rewritten (its compiled
// files are not its sources), and says so with an error.
func Package(pkg *packages.Package, done map[string][]byte) error {
	if len(pkg.Errors) > 0 {
		return fmt.Errorf("%s: %v", pkg.PkgPath, pkg.Errors[0])
	}
	n := min(len(pkg.Syntax), len(pkg.CompiledGoFiles))
	for _, path := range pkg.CompiledGoFiles[:n] {
		if !strings.HasSuffix(path, ".go") || filepath.Dir(path) != dirOf(pkg) {
			return fmt.Errorf("%s uses cgo, which fearless test does not rewrite", pkg.PkgPath)
		}
	}
	for i, f := range pkg.Syntax[:n] {
		path := pkg.CompiledGoFiles[i]
		if _, ok := done[path]; ok {
			continue
		}
		src, err := File(pkg.Fset, f, pkg.TypesInfo, strings.HasSuffix(path, "_test.go"))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		done[path] = src
	}
	return nil
}

func dirOf(pkg *packages.Package) string {
	if len(pkg.GoFiles) > 0 {
		return filepath.Dir(pkg.GoFiles[0])
	}
	return ""
}
