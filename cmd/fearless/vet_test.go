package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/testout"
)

// module writes a module of its own, which does not depend on fearless,
// with one file, and makes it the working directory.
func module(t *testing.T, src string) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod":  "module example.com/user\n\ngo 1.26\n",
		"main.go": src,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
}

const earlyReturn = `package main

import "sync"

var mu sync.Mutex

func get(m map[string]int, k string) int {
	mu.Lock()
	v, ok := m[k]
	if !ok {
		return 0
	}
	mu.Unlock()
	return v
}

func main() { get(nil, "") }
`

func TestVetReportsAsGoVet(t *testing.T) {
	module(t, earlyReturn)
	var out, errs testout.Buffer
	code := vet([]string{"./..."}, &out, &errs)
	want := "main.go:8:2: mu.Lock() is not unlocked on the path that returns at line 11; unlock it on that path too, or use defer mu.Unlock()"
	if code != 1 || !strings.Contains(errs.String(), want) {
		t.Fatalf("fearless vet ./...: code %d, stderr %q, want code 1 and %q", code, errs.String(), want)
	}
}

func TestVetJSON(t *testing.T) {
	module(t, earlyReturn)
	var out, errs testout.Buffer
	code := vet([]string{"-json", "./..."}, &out, &errs)
	all := out.String() + errs.String()
	for _, want := range []string{`"example.com/user": {`, `"lostunlock": [`, `"posn": `, `main.go:8:2"`, `"message": "mu.Lock() is not unlocked`} {
		if !strings.Contains(all, want) {
			t.Errorf("fearless vet -json: no %q in %q", want, all)
		}
	}
	if code != 0 {
		t.Errorf("fearless vet -json: code %d, want 0 as go vet -json", code)
	}
}

func TestVetClean(t *testing.T) {
	module(t, "package main\n\nimport \"sync\"\n\nvar mu sync.Mutex\n\nfunc main() {\n\tmu.Lock()\n\tdefer mu.Unlock()\n}\n")
	var out, errs testout.Buffer
	if code := vet(nil, &out, &errs); code != 0 || errs.String() != "" {
		t.Fatalf("fearless vet on clean code: code %d, stderr %q", code, errs.String())
	}
}

func TestVetHelp(t *testing.T) {
	var out, errs testout.Buffer
	if code := vet([]string{"-h"}, &out, &errs); code != 0 {
		t.Fatalf("fearless vet -h: code %d", code)
	}
	for _, name := range []string{"lostunlock", "guardescape", "unclosedsender", "lockorder", "sendmove", "sessionlinear"} {
		if !strings.Contains(out.String(), name) {
			t.Errorf("fearless vet -h does not list %s", name)
		}
	}
}

// The tour prints what fearless vet says about its deliberate mistakes;
// the analyzers must still say it (line numbers aside, which move as the
// examples are edited).
func TestTourVetNotes(t *testing.T) {
	if testing.Short() {
		t.Skip("vets the examples and all they import: a minute on a small machine")
	}
	var out, errs testout.Buffer
	vet([]string{"-lockorder.showallowed", "-unclosedsender.showallowed",
		"../../examples/deadlock", "../../examples/exploredeadlock", "../../examples/exploreforgotdrop"}, &out, &errs)
	digits := regexp.MustCompile(`[0-9]+`)
	var got []string
	for _, l := range strings.Split(errs.String(), "\n") {
		if i := strings.LastIndexByte(l, '/'); i >= 0 {
			got = append(got, digits.ReplaceAllString(l[i+1:], "N"))
		}
	}
	for name, n := range vetSays {
		for _, want := range n.lines {
			if !slices.Contains(got, digits.ReplaceAllString(want, "N")) {
				t.Errorf("the tour says fearless vet reports, for %s,\n\t%s\nbut it reports:\n%s", name, want, errs.String())
			}
		}
	}
}
