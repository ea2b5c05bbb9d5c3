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

// buildTests loads the packages, rewrites their sources into work, and
// builds one test binary per package that has tests.
func buildTests(f *testFlags, work string, stderr io.Writer) ([]testBinary, error) {
	cfg := &packages.Config{Mode: rewrite.LoadMode, Tests: true}
	pkgs, err := packages.Load(cfg, f.packages...)
	if err != nil {
		return nil, err
	}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	})
	if len(errs) > 0 {
		return nil, fmt.Errorf("the packages do not build as they are:\n%s", strings.Join(uniq(errs), "\n"))
	}
	overlay := map[string]string{}
	roots := map[string]string{} // import path -> directory, of the packages asked for
	src := filepath.Join(work, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return nil, err
	}
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") {
			continue // the generated main of a test binary
		}
		files, err := rewrite.Package(p)
		if err != nil {
			return nil, err
		}
		for path, content := range files {
			if _, done := overlay[path]; done {
				continue
			}
			out := filepath.Join(src, fmt.Sprintf("%d.go", len(overlay)))
			if err := os.WriteFile(out, content, 0o644); err != nil {
				return nil, err
			}
			overlay[path] = out
		}
		if p.Name != "" && len(p.GoFiles) > 0 {
			roots[strings.TrimSuffix(p.PkgPath, "_test")] = filepath.Dir(p.GoFiles[0])
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
	modArgs, err := moduleArgs(work)
	if err != nil {
		return nil, err
	}
	var bins []testBinary
	for _, pkg := range sortedKeys(roots) {
		bin := filepath.Join(work, "bin", fmt.Sprintf("%d.test", len(bins)))
		args := append([]string{"test", "-c", "-o", bin, "-overlay", ovPath}, modArgs...)
		args = append(args, pkg)
		cmd := exec.Command("go", args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("building the tests of %s with the rewritten sources failed:\n%s", pkg, out.String())
		}
		if _, err := os.Stat(bin); err != nil {
			continue // no test files
		}
		bins = append(bins, testBinary{pkg: pkg, dir: roots[pkg], path: bin})
	}
	return bins, nil
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
