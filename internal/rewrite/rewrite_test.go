package rewrite_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/fearlessgo/fearless/internal/rewrite"
)

var update = flag.Bool("update", false, "write the rewriter's output to the golden files")

// A goldenCase is one directory of testdata: a small package as a Go user
// writes it (in.go, and in_test.go: most cases are a program whose test
// runs main), the rewritten sources (out.golden, out_test.golden), and,
// once built, the binaries of both.
type goldenCase struct {
	name      string
	dir       string            // absolute
	files     map[string][]byte // rewritten source, by the path of the file it replaces
	hasTests  bool              // the case is a package with tests, run as a test binary
	orig, rew string            // the binaries, original and rewritten
}

// TestGolden rewrites each case of testdata, compares the result with its
// golden files, and checks that the rewritten package builds and, with no
// explorer running, prints what the original prints; then that its tests
// pass under the explorer, as fearless test runs them.
func TestGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every case twice")
	}
	cases := loadCases(t)
	for _, c := range cases {
		t.Run(c.name+"/golden", func(t *testing.T) { checkGolden(t, c) })
	}
	if t.Failed() && !*update {
		return // the builds below would only repeat the differences
	}
	buildCases(t, cases)
	for _, c := range cases {
		t.Run(c.name+"/native", func(t *testing.T) {
			if c.orig == "" {
				t.Skip("not built")
			}
			want := runCase(t, c, c.orig)
			got := runCase(t, c, c.rew)
			if got != want {
				t.Errorf("the rewritten program prints\n%s\nthe original prints\n%s", got, want)
			}
		})
		if c.hasTests {
			t.Run(c.name+"/explored", func(t *testing.T) { checkExplored(t, c) })
		}
	}
}

// explores are the cases whose tests the explorer does not pass, and the
// failure it must report: in selectempty, main returns while two
// goroutines block forever in select {}.
var explores = map[string]string{"selectempty": "leak"}

// checkExplored runs the rewritten tests of c under the explorer, as
// fearless test runs them: every one passes, or fails as explores says.
func checkExplored(t *testing.T, c *goldenCase) {
	if c.rew == "" {
		t.Skip("not built")
	}
	out := filepath.Join(t.TempDir(), "results")
	cfg, err := json.Marshal(map[string]any{"Schedules": 300, "Out": out})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(c.rew, "-test.run", "^Test")
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "FEARLESS_TEST="+string(cfg))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for line := range strings.Lines(string(data)) {
		var r struct{ Test, Result, Kind, Report string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %q", err, line)
		}
		n++
		if want := explores[c.name]; want != "" {
			if r.Result != "fail" || r.Kind != want {
				t.Errorf("%s: %s %q under the explorer, want a %s:\n%s", r.Test, r.Result, r.Kind, want, r.Report)
			}
		} else if r.Result != "pass" {
			t.Errorf("%s: %s %s under the explorer:\n%s", r.Test, r.Result, r.Kind, r.Report)
		}
	}
	if n == 0 {
		t.Error("no test ran under the explorer")
	}
}

// loadCases loads and rewrites every case in one go list.
func loadCases(t *testing.T) []*goldenCase {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var cases []*goldenCase
	var patterns []string
	byDir := map[string]*goldenCase{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir, err := filepath.Abs(filepath.Join("testdata", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		c := &goldenCase{name: e.Name(), dir: dir, files: map[string][]byte{}}
		if _, err := os.Stat(filepath.Join(dir, "in_test.go")); err == nil {
			c.hasTests = true
		}
		cases = append(cases, c)
		byDir[dir] = c
		patterns = append(patterns, "./testdata/"+e.Name())
	}
	pkgs, err := packages.Load(&packages.Config{Mode: rewrite.LoadMode, Tests: true}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") {
			continue // the generated main of a test binary
		}
		if err := rewrite.Package(p, files); err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
	}
	for path, src := range files {
		c := byDir[filepath.Dir(path)]
		if c == nil {
			t.Fatalf("%s: not in a case", path)
		}
		c.files[path] = src
	}
	return cases
}

// goldenName is the golden file of a case's source file: in.go is
// out.golden, in_test.go out_test.golden.
func goldenName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), ".go")
	return strings.Replace(base, "in", "out", 1) + ".golden"
}

// normalized is a rewritten source as the golden files hold it: the
// //line directives name the file without its directory, which depends on
// where the repository is, and each run of white space is one space,
// since the printer aligns and indents by the length of those directives.
func normalized(c *goldenCase, src []byte) []byte {
	src = bytes.ReplaceAll(src, []byte(c.dir+string(filepath.Separator)), nil)
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return []byte(strings.Join(lines, "\n"))
}

func checkGolden(t *testing.T, c *goldenCase) {
	if len(c.files) == 0 {
		t.Fatal("nothing rewritten: the case did not load")
	}
	for _, path := range slices.Sorted(maps.Keys(c.files)) {
		got := normalized(c, c.files[path])
		golden := filepath.Join(c.dir, goldenName(path))
		if *update {
			readable := bytes.ReplaceAll(c.files[path], []byte(c.dir+string(filepath.Separator)), nil)
			if err := os.WriteFile(golden, readable, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to write it)", err)
		}
		want = normalized(c, want)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the rewriter's output differs from %s (go test -update rewrites it):\n%s",
				filepath.Base(path), goldenName(path), lineDiff(string(want), string(got)))
		}
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, wl, gl)
		}
	}
	return "(equal lines)"
}

// buildCases builds every case twice, as it is and through an overlay of
// its rewritten sources, in four go commands: programs with go build,
// packages with tests with go test -c.
func buildCases(t *testing.T, cases []*goldenCase) {
	tmp := t.TempDir()
	overlay := map[string]string{}
	for _, c := range cases {
		for path, src := range c.files {
			out := filepath.Join(tmp, "src", c.name, filepath.Base(path))
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(out, src, 0o644); err != nil {
				t.Fatal(err)
			}
			overlay[path] = out
		}
	}
	ov, err := json.Marshal(map[string]any{"Replace": overlay})
	if err != nil {
		t.Fatal(err)
	}
	ovPath := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(ovPath, ov, 0o644); err != nil {
		t.Fatal(err)
	}
	var mains, tested []string
	for _, c := range cases {
		if c.hasTests {
			tested = append(tested, "./testdata/"+c.name)
		} else {
			mains = append(mains, "./testdata/"+c.name)
		}
	}
	origDir, rewDir := filepath.Join(tmp, "orig")+"/", filepath.Join(tmp, "rew")+"/"
	for _, b := range []struct {
		args []string
		pkgs []string
	}{
		{[]string{"build", "-o", origDir}, mains},
		{[]string{"build", "-overlay", ovPath, "-o", rewDir}, mains},
		{[]string{"test", "-c", "-o", origDir}, tested},
		{[]string{"test", "-c", "-overlay", ovPath, "-o", rewDir}, tested},
	} {
		if len(b.pkgs) == 0 {
			continue
		}
		cmd := exec.Command("go", append(b.args, b.pkgs...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(b.args, " "), err, out)
		}
	}
	for _, c := range cases {
		bin := c.name
		if c.hasTests {
			bin += ".test"
		}
		c.orig, c.rew = filepath.Join(origDir, bin), filepath.Join(rewDir, bin)
	}
}

// elapsed is the time go test prints after each test.
var elapsed = regexp.MustCompile(`\([0-9.]+s\)`)

// runCase runs one binary of c and returns what it printed. The timeout
// only keeps a hanging case from hanging the test; no case comes near it.
func runCase(t *testing.T, c *goldenCase, bin string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var args []string
	if c.hasTests {
		args = []string{"-test.v", "-test.count=1"}
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = c.dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, out)
	}
	return elapsed.ReplaceAllString(string(out), "(elapsed)")
}
