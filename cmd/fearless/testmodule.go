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

// A buildSetup is what the go commands that build the rewritten tests
// need so that those can import fearless's runtime: flags, and variables
// added to the environment.
type buildSetup struct {
	flags []string
	env   []string
}

// moduleSetup returns the setup that lets the rewritten sources import
// fearless's runtime: nothing when the build already has the fearless
// module (its own repository, or a workspace that uses it); in a workspace
// without it, a copy of the go.work in work that also uses a copy of
// fearless's library packages (see workspaceSetup); else a copy of the
// user's go.mod (-modfile) that requires the module and replaces it by
// that copy. Neither needs network or changes a file of the user's.
func moduleSetup(work string) (buildSetup, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Path}}").Output()
	if err != nil {
		return buildSetup{}, fmt.Errorf("fearless test runs inside a Go module: %v", err)
	}
	for _, m := range strings.Fields(string(out)) {
		if m == fearlessModule {
			return buildSetup{}, nil
		}
	}
	srcDir, err := fearlessSource()
	if err != nil {
		return buildSetup{}, err
	}
	rt := filepath.Join(work, "fearless")
	if err := copyLibrary(srcDir, rt); err != nil {
		return buildSetup{}, err
	}
	if gowork, _ := exec.Command("go", "env", "GOWORK").Output(); strings.TrimSpace(string(gowork)) != "" {
		return workspaceSetup(strings.TrimSpace(string(gowork)), rt, work)
	}
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return buildSetup{}, err
	}
	mod := filepath.Join(work, "go.mod")
	orig := strings.TrimSpace(string(gomod))
	if err := copyFile(orig, mod); err != nil {
		return buildSetup{}, err
	}
	if err := copyFile(strings.TrimSuffix(orig, ".mod")+".sum", filepath.Join(work, "go.sum")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return buildSetup{}, err
	}
	edit := exec.Command("go", "mod", "edit", "-require="+fearlessModule+"@v0.0.0", "-replace="+fearlessModule+"="+rt, mod)
	if out, err := edit.CombinedOutput(); err != nil {
		return buildSetup{}, fmt.Errorf("go mod edit: %v: %s", err, out)
	}
	// -mod=mod lets go raise the copy's go line to the runtime's, if it
	// must; the user's own go.mod is not touched.
	return buildSetup{flags: []string{"-modfile=" + mod, "-mod=mod"}}, nil
}

// copyFile copies the file at src to dst.
func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
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
