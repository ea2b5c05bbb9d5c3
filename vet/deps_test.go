package vet_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The library packages' whole dependency closure, the internal packages
// they use included, is the standard library and the module's own
// packages: golang.org/x/tools is for the commands, the analyzers and the
// internal packages of the tools only, so a user of mpsc never downloads it.
func TestLibraryDependsOnStandardLibraryOnly(t *testing.T) {
	const module = "github.com/fearlessgo/fearless"
	var pkgs []string
	for _, p := range []string{"thread", "mpsc", "shared", "session", "pool", "par", "model"} {
		pkgs = append(pkgs, module+"/"+p)
	}
	args := append([]string{"list", "-deps", "-test=false", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}"}, pkgs...)
	out, err := exec.Command("go", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		own := strings.HasPrefix(p, module+"/")
		tool := strings.HasPrefix(p, module+"/cmd/") || strings.HasPrefix(p, module+"/vet")
		if !own || tool {
			t.Errorf("a library package depends on %s, outside the standard library", p)
		}
	}
}
