package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/testout"
)

// scratch copies testdata/scratch into a module of its own in a temporary
// directory: a module that does not depend on fearless.
func scratch(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("testdata/scratch")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata/scratch", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(e.Name(), ".txt")
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
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
		"TestPipeline": "", "TestSleepThenCheck": "", "TestTimeout": "",
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
		case kind != "" && !strings.Contains(r.Report, "bugs_test.go:"):
			t.Errorf("%s: the report does not point at the test's file:\n%s", name, r.Report)
		}
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
