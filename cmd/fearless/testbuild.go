package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/fearlessgo/fearless/internal/rewrite"
)

// A testBinary is one package's test binary, built from rewritten sources.
type testBinary struct {
	pkg  string // import path
	dir  string // the package's directory: tests run there, as under go test
	path string // the binary
}

// buildTests loads the packages, rewrites them and the packages they
// import (all but the standard library and fearless itself) into work, and
// builds one test binary per package that has tests. When the rewritten
// dependencies do not build (cgo, assembly, unusual tricks), it builds again
// with only the packages of the user's own modules rewritten: the others
// then run outside the explorer, which says so when they are seen.
func buildTests(f *testFlags, work string, stderr io.Writer) ([]testBinary, error) {
	roots, deps, err := loadForRewrite(f.packages)
	if err != nil {
		return nil, err
	}
	setup, err := moduleSetup(work)
	if err != nil {
		return nil, err
	}
	rewritten := map[string][]byte{}
	bins, err := rewriteAndBuild(roots, deps, work, setup, rewritten)
	if err != nil && len(deps) > 0 {
		var own []*packages.Package
		for _, p := range deps {
			if p.Module != nil && p.Module.Main {
				own = append(own, p)
			}
		}
		if len(own) < len(deps) {
			fmt.Fprintf(stderr, "fearless test: the rewritten dependencies do not build; only the packages of your module are explored (%v)\n", firstLine(err.Error()))
			bins, err = rewriteAndBuild(roots, own, work, setup, rewritten)
		}
	}
	return bins, err
}

// loadForRewrite loads the packages asked for with their tests, and the
// packages they import outside the standard library and fearless, each
// with its syntax and types.
func loadForRewrite(patterns []string) (roots, deps []*packages.Package, err error) {
	cfg := &packages.Config{Mode: rewrite.LoadMode, Tests: true}
	roots, err = packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, err
	}
	var errs []string
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	})
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("the packages do not build as they are:\n%s", strings.Join(uniq(errs), "\n"))
	}
	isRoot := map[string]bool{}
	for _, p := range roots {
		isRoot[strings.TrimSuffix(p.PkgPath, "_test")] = true
	}
	graph, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedModule, Tests: true}, patterns...)
	if err != nil {
		return nil, nil, err
	}
	var paths []string
	seen := map[string]bool{}
	packages.Visit(graph, nil, func(p *packages.Package) {
		if p.Module == nil || p.Module.Path == fearlessModule || isRoot[p.PkgPath] || seen[p.PkgPath] || strings.HasSuffix(p.ID, ".test") {
			return
		}
		seen[p.PkgPath] = true
		paths = append(paths, p.PkgPath)
	})
	if len(paths) == 0 {
		return roots, nil, nil
	}
	sort.Strings(paths)
	deps, err = packages.Load(&packages.Config{Mode: rewrite.LoadMode}, paths...)
	if err != nil {
		return nil, nil, err
	}
	return roots, deps, nil
}

// rewriteAndBuild rewrites roots and deps into work and builds the roots'
// test binaries. rewritten holds the new sources of the files rewritten
// so far, by a call before this one too: a file's syntax is rewritten in
// place, only once (see rewrite.Package).
func rewriteAndBuild(roots, deps []*packages.Package, work string, setup buildSetup, rewritten map[string][]byte) ([]testBinary, error) {
	src := filepath.Join(work, "src")
	os.RemoveAll(src)
	if err := os.MkdirAll(src, 0o755); err != nil {
		return nil, err
	}
	overlay := map[string]string{}
	add := func(p *packages.Package, required bool) error {
		if err := rewrite.Package(p, rewritten); err != nil {
			if required {
				return err
			}
			return nil // a dependency that cannot be rewritten runs as it is
		}
		for _, path := range p.CompiledGoFiles {
			content, ok := rewritten[path]
			if _, done := overlay[path]; done || !ok {
				continue
			}
			out := filepath.Join(src, fmt.Sprintf("%d.go", len(overlay)))
			if err := os.WriteFile(out, content, 0o644); err != nil {
				return err
			}
			overlay[path] = out
		}
		return nil
	}
	dirs := map[string]string{} // import path -> directory, of the packages asked for
	for _, p := range roots {
		if strings.HasSuffix(p.ID, ".test") {
			continue // the generated main of a test binary
		}
		if err := add(p, true); err != nil {
			return nil, err
		}
		if p.Name != "" && len(p.GoFiles) > 0 {
			dirs[strings.TrimSuffix(p.PkgPath, "_test")] = filepath.Dir(p.GoFiles[0])
		}
	}
	for _, p := range deps {
		if err := add(p, false); err != nil {
			return nil, err
		}
	}
	ov, err := json.Marshal(map[string]any{"Replace": overlay})
	if err != nil {
		return nil, err
	}
	ovPath := filepath.Join(work, "overlay.json")
	if err := os.WriteFile(ovPath, ov, 0o644); err != nil {
		return nil, err
	}
	var bins []testBinary
	for _, pkg := range sortedKeys(dirs) {
		bin := filepath.Join(work, "bin", fmt.Sprintf("%d.test", len(bins)))
		// Without go test's vet checks: they are for the user's code, which
		// go test checks, not for what the rewriting made of it.
		args := append([]string{"test", "-c", "-vet=off", "-o", bin, "-overlay", ovPath}, setup.flags...)
		args = append(args, pkg)
		cmd := exec.Command("go", args...)
		cmd.Env = append(os.Environ(), setup.env...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			why := ""
			if strings.Contains(out.String(), "imports github.com/fearlessgo/fearless/gort") && strings.Contains(out.String(), "import cycle not allowed") {
				why = fmt.Sprintf(" (%s is a package the explorer itself is built on, so its tests cannot run under it: go test runs them)", pkg)
			}
			return nil, fmt.Errorf("building the tests of %s with the rewritten sources failed%s:\n%s", pkg, why, out.String())
		}
		if _, err := os.Stat(bin); err != nil {
			continue // no test files
		}
		bins = append(bins, testBinary{pkg: pkg, dir: dirs[pkg], path: bin})
	}
	return bins, nil
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
