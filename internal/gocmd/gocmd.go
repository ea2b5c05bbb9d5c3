// Package gocmd finds the go command and the module root for tests that
// build small programs (compile-fail tests, generated code).
package gocmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Path returns the go command of the toolchain running the test (go test
// puts its own GOROOT/bin first on the PATH of the test binary), skipping
// the test when there is none.
func Path(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to run the compiler with")
	}
	return p
}

// ModuleRoot returns the directory of the nearest go.mod above the test's
// working directory.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for !exists(filepath.Join(dir, "go.mod")) {
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
	return dir
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
