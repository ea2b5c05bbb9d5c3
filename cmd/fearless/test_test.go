package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	fearlesstesting "github.com/fearlessgo/fearless/gort/testing"
	"github.com/fearlessgo/fearless/internal/testout"
)

// scratch copies testdata/scratch into a module of its own in a temporary
// directory: a module that does not depend on fearless.
func scratch(t *testing.T) string { return copyTestdata(t, "testdata/scratch") }

// copyTestdata copies the tree at src into a temporary directory, each
// file.txt as file (go.mod.txt as go.mod: in testdata, no module of its
// own), and returns the directory.
func copyTestdata(t testing.TB, src string) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out := filepath.Join(dir, strings.TrimSuffix(rel, ".txt"))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFearlessTest runs fearless test end to end on a scratch module
// without network: each planted bug is found with its kind, each correct
// test passes, and each failure's schedule replays the same failure.
func TestFearlessTest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	t.Chdir(scratch(t))
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	var out, errs testout.Buffer
	code := run([]string{"test", "-json", "-budget", "20s", "./..."}, &out, &errs)
	if code != 1 {
		t.Fatalf("exit status %d, want 1 (failures found); stderr:\n%s\nstdout:\n%s", code, errs.String(), out.String())
	}
	want := map[string]string{
		"TestLockOrder": "deadlock", "TestForgotClose": "deadlock", "TestLeak": "leak",
		"TestDoubleClose": "panic", "TestLostUpdate": "fail",
		"TestStopOrder": "deadlock", "TestRandomDelay": "fail",
		"TestPipeline": "", "TestSleepThenCheck": "", "TestTimeout": "", "TestOrderFree": "",
		"TestSynctestAfterFunc": "", "TestSynctestTimer": "", "TestSynctestStuck": "deadlock",
		"TestFatalInGoroutine": "fail", "TestLockedGoroutine": "", "TestQuotedCount": "", "TestSeededHash": "",
	}
	got := map[string]testResult{}
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r testResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("a line of -json output is not JSON: %v: %q", err, sc.Text())
		}
		got[r.Test] = r
	}
	for name, kind := range want {
		r, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: no result", name)
		case kind == "" && r.Result != "pass":
			t.Errorf("%s: %s %s, want a pass:\n%s", name, r.Result, r.Kind, r.Report)
		case kind != "" && (r.Result != "fail" || r.Kind != kind):
			t.Errorf("%s: %s %q, want a %s failure:\n%s", name, r.Result, r.Kind, kind, r.Report)
		case kind != "" && !strings.Contains(r.Report, "replay: fearless test -run '^"+name+"$' -replay '"+r.Schedule+"' example.com/scratch"):
			t.Errorf("%s: the report has no replay line:\n%s", name, r.Report)
		case kind != "" && !strings.Contains(r.Report, "_test.go:"):
			t.Errorf("%s: the report does not point at the test's file:\n%s", name, r.Report)
		}
	}
	if r := got["TestSeededHash"]; r.Exhaustive || len(r.OutsideNotes) == 0 || !strings.Contains(r.OutsideNotes[0], "did not take the same steps") {
		t.Errorf("TestSeededHash: exhaustive %v, notes %q: want a pass that says the test is not deterministic", r.Exhaustive, r.OutsideNotes)
	}
	for name, kind := range want {
		r := got[name]
		if kind == "" || r.Schedule == "" {
			continue
		}
		var rout, rerr testout.Buffer
		if code := run([]string{"test", "-json", "-run", "^" + name + "$", "-replay", r.Schedule, "."}, &rout, &rerr); code != 1 {
			t.Errorf("%s: replay exit status %d, want 1; stderr: %s", name, code, rerr.String())
			continue
		}
		var again testResult
		if err := json.Unmarshal([]byte(strings.TrimSpace(rout.String())), &again); err != nil {
			t.Fatalf("%s: replay output: %v: %q", name, err, rout.String())
		}
		if again.Kind != r.Kind || again.Schedule != r.Schedule || again.Report != r.Report {
			t.Errorf("%s: the replay gave %s %q with schedule %q, want the same failure:\n%s\nwant:\n%s", name, again.Result, again.Kind, again.Schedule, again.Report, r.Report)
		}
	}
}

// TestFearlessTestWorkspace runs fearless test in a go.work workspace of
// two modules, neither of which depends on fearless, without network: the
// lost update in the module the tests import is found and replays, the
// correct test passes, and no file of the workspace changes.
func TestFearlessTestWorkspace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a workspace")
	}
	root := copyTestdata(t, "testdata/workspace")
	t.Chdir(filepath.Join(root, "a"))
	t.Setenv("GOFLAGS", "")
	t.Setenv("GOWORK", "")
	t.Setenv("GOPROXY", "off")
	before := treeContents(t, root)
	var out, errs testout.Buffer
	if code := run([]string{"test", "-json", "-budget", "20s", "./..."}, &out, &errs); code != 1 {
		t.Fatalf("exit status %d, want 1 (a failure found); stderr:\n%s\nstdout:\n%s", code, errs.String(), out.String())
	}
	got := map[string]testResult{}
	for line := range strings.Lines(out.String()) {
		var r testResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("a line of -json output is not JSON: %v: %q", err, line)
		}
		got[r.Test] = r
	}
	if r := got["TestSerialAdds"]; r.Result != "pass" {
		t.Errorf("TestSerialAdds: %s %s, want a pass:\n%s", r.Result, r.Kind, r.Report)
	}
	bad := got["TestConcurrentAdds"]
	if bad.Result != "fail" || bad.Kind != "fail" || !strings.Contains(bad.Report, "counted 1, want 2") {
		t.Fatalf("TestConcurrentAdds: %s %q, want the lost update:\n%s", bad.Result, bad.Kind, bad.Report)
	}
	var rout, rerr testout.Buffer
	if code := run([]string{"test", "-json", "-run", "^TestConcurrentAdds$", "-replay", bad.Schedule, "."}, &rout, &rerr); code != 1 {
		t.Fatalf("replay exit status %d, want 1; stderr: %s", code, rerr.String())
	}
	var again testResult
	if err := json.Unmarshal([]byte(strings.TrimSpace(rout.String())), &again); err != nil {
		t.Fatalf("replay output: %v: %q", err, rout.String())
	}
	if again.Kind != bad.Kind || again.Schedule != bad.Schedule || again.Report != bad.Report {
		t.Errorf("the replay gave %s %q with schedule %q, want the same failure:\n%s\nwant:\n%s", again.Result, again.Kind, again.Schedule, again.Report, bad.Report)
	}
	if after := treeContents(t, root); !maps.Equal(before, after) {
		t.Errorf("fearless test changed the workspace: before %v, after %v", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
}

// TestFearlessTestOnTestsOfTheExplorer runs fearless test on examples of
// this module: a test that calls model.Explore is skipped, saying why (an
// explorer does not run inside another), and a thread locked to its OS
// thread runs under the explorer.
func TestFearlessTestOnTestsOfTheExplorer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds packages")
	}
	t.Chdir("../..")
	t.Setenv("GOPROXY", "off")
	var out, errs testout.Buffer
	if code := run([]string{"test", "-json", "-run", "^TestRun$|^TestTotals$", "./examples/exploredeadlock", "./examples/gil"}, &out, &errs); code != 0 {
		t.Fatalf("exit status %d, want 0; stderr:\n%s\nstdout:\n%s", code, errs.String(), out.String())
	}
	got := map[string]testResult{}
	for line := range strings.Lines(out.String()) {
		var r testResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("a line of -json output is not JSON: %v: %q", err, line)
		}
		got[filepath.Base(r.Package)+"."+r.Test] = r
	}
	if r := got["exploredeadlock.TestRun"]; r.Result != "skip" || !strings.Contains(r.Report, "calls model.Explore or model.Replay") {
		t.Errorf("exploredeadlock.TestRun: %s %q, want a skip that says why:\n%s", r.Result, r.Kind, r.Report)
	}
	for _, name := range []string{"gil.TestRun", "gil.TestTotals"} {
		if r := got[name]; r.Result != "pass" {
			t.Errorf("%s: %s %q, want a pass:\n%s", name, r.Result, r.Kind, r.Report)
		}
	}
}

func TestCrashExcerptStartsAtTheFatalError(t *testing.T) {
	var b strings.Builder
	for i := range 100 {
		fmt.Fprintf(&b, "line %d\n", i)
		if i == 20 {
			b.WriteString("fatal error: something broke\n")
		}
	}
	got := strings.Split(crashExcerpt(b.String(), 10), "\n")
	if len(got) != 10 || got[0] != "line 16" || got[5] != "fatal error: something broke" {
		t.Errorf("excerpt = %q, want 10 lines from 5 before the fatal error", got)
	}
	if got := crashExcerpt("a\nb\nc\n", 2); got != "b\nc" {
		t.Errorf("excerpt without a fatal error = %q, want the last lines", got)
	}
}

// treeContents returns every file under root by its path.
func treeContents(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestFearlessTestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"test", "-schedules", "0"},
		{"test", "-timers", "sometimes"},
		{"test", "-replay", "1:0"},
		{"test", "-run", "("},
		{"test", "-nosuchflag"},
	} {
		var out, errs testout.Buffer
		if code := run(args, &out, &errs); code != 2 || errs.String() == "" {
			t.Errorf("%v: exit status %d, stderr %q; want 2 and a message", args, code, errs.String())
		}
	}
	var out, errs testout.Buffer
	if code := run([]string{"test", "-h"}, &out, &errs); code != 0 || !strings.Contains(errs.String(), "-timers") {
		t.Errorf("-h: exit status %d, usage %q", code, errs.String())
	}
}

func TestCutRunsAreSaid(t *testing.T) {
	var out strings.Builder
	printResult(&out, &testFlags{}, testResult{Outcome: fearlesstesting.Outcome{Test: "TestLong", Result: "pass", Schedules: 3, Cut: 2}})
	want := "--- PASS: TestLong (3 schedules; not exhaustive: 2 runs cut at the step limit)\n"
	if !strings.HasPrefix(out.String(), want) || !strings.Contains(out.String(), "long rather than stuck") {
		t.Errorf("printed:\n%s\nwant it to start with:\n%s", out.String(), want)
	}
}
