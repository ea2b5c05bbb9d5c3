package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

const fearlessModule = "github.com/fearlessgo/fearless"

// moduleArgs returns the go flags that let the rewritten sources import
// fearless's runtime: none when the build already has the fearless module
// (its own repository, or a workspace that uses it); else a copy of the
// user's go.mod (-modfile) that requires it and replaces it by a copy of
// its library packages in work, which needs no network and no change to the
// user's files.
func moduleArgs(work string) ([]string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Path}}").Output()
	if err != nil {
		return nil, fmt.Errorf("fearless test runs inside a Go module: %v", err)
	}
	for _, m := range strings.Fields(string(out)) {
		if m == fearlessModule {
			return nil, nil
		}
	}
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return nil, err
	}
	if gowork, _ := exec.Command("go", "env", "GOWORK").Output(); strings.TrimSpace(string(gowork)) != "" {
		return nil, errors.New("in a Go workspace that does not use the fearless module, fearless test cannot add it; run it with GOWORK=off, or add the module to the workspace")
	}
	srcDir, err := fearlessSource()
	if err != nil {
		return nil, err
	}
	rt := filepath.Join(work, "fearless")
	if err := copyLibrary(srcDir, rt); err != nil {
		return nil, err
	}
	mod := filepath.Join(work, "go.mod")
	orig := strings.TrimSpace(string(gomod))
	data, err := os.ReadFile(orig)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(mod, data, 0o644); err != nil {
		return nil, err
	}
	if sum, err := os.ReadFile(strings.TrimSuffix(orig, ".mod") + ".sum"); err == nil {
		if err := os.WriteFile(filepath.Join(work, "go.sum"), sum, 0o644); err != nil {
			return nil, err
		}
	}
	edit := exec.Command("go", "mod", "edit", "-require="+fearlessModule+"@v0.0.0", "-replace="+fearlessModule+"="+rt, mod)
	if out, err := edit.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go mod edit: %v: %s", err, out)
	}
	// -mod=mod lets go raise the copy's go line to the runtime's, if it
	// must; the user's own go.mod is not touched.
	return []string{"-modfile=" + mod, "-mod=mod"}, nil
}

// fearlessSource finds the source of the fearless module this command was
// built from: FEARLESS_SOURCE if set, else the module cache's copy of the
// version go install fetched, else the repository it was built in.
func fearlessSource() (string, error) {
	if dir := os.Getenv("FEARLESS_SOURCE"); dir != "" {
		return dir, nil
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Path == fearlessModule && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		cache, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err == nil {
			dir := filepath.Join(strings.TrimSpace(string(cache)), fearlessModule+"@"+bi.Main.Version)
			if isFearlessRoot(dir) {
				return dir, nil
			}
		}
	}
	if _, file, _, ok := runtime.Caller(0); ok {
		dir := filepath.Dir(filepath.Dir(filepath.Dir(file)))
		if isFearlessRoot(dir) {
			return dir, nil
		}
	}
	return "", errors.New("cannot find the source of the fearless module (set FEARLESS_SOURCE to its directory)")
}

func isFearlessRoot(dir string) bool {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && strings.HasPrefix(strings.TrimSpace(string(data)), "module "+fearlessModule+"\n")
}

// libraryExcluded are the folders of the module that the runtime of
// rewritten code does not need: commands, analyzers, examples and the
// modules of their own.
var libraryExcluded = map[string]bool{"cmd": true, "vet": true, "examples": true, "bench": true, "dist": true, "rewrite": true, "testdata": true}

// copyLibrary copies the library packages of the fearless module at src
// (no tests, no commands) into dst, with a go.mod that requires nothing.
func copyLibrary(src, dst string) error {
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if rel != "." && (libraryExcluded[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dst, "go.mod"), []byte("module "+fearlessModule+"\n\ngo 1.26\n"), 0o644)
}
