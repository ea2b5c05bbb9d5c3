package main

import (
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/examples"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestHelp(t *testing.T) {
	var out, errs testout.Buffer
	if code := run([]string{"--help"}, &out, &errs); code != 0 || !strings.Contains(out.String(), "fearless tour --list") {
		t.Fatalf("--help: code %d, output %q", code, out.String())
	}
	if code := run(nil, &out, &errs); code != 2 {
		t.Fatalf("no arguments: code %d, want 2", code)
	}
	if code := run([]string{"frobnicate"}, &out, &errs); code != 2 || !strings.Contains(errs.String(), "unknown command") {
		t.Fatalf("unknown command: code %d, stderr %q", code, errs.String())
	}
}

func TestTourList(t *testing.T) {
	var out, errs testout.Buffer
	if code := run([]string{"tour", "--list"}, &out, &errs); code != 0 {
		t.Fatalf("code %d", code)
	}
	for _, e := range examples.All() {
		if !strings.Contains(out.String(), e.Name) {
			t.Errorf("--list does not show %s", e.Name)
		}
	}
}

func TestTourRunsOne(t *testing.T) {
	var out, errs testout.Buffer
	if code := run([]string{"tour", "builder"}, &out, &errs); code != 0 {
		t.Fatalf("code %d: %s", code, errs.String())
	}
	if !strings.Contains(out.String(), "Running on thread: worker-1") || !strings.Contains(out.String(), "=== THREADS ===") {
		t.Fatalf("output:\n%s", out.String())
	}
	if code := run([]string{"tour", "no-such-example"}, &out, &errs); code != 2 {
		t.Fatalf("unknown example: code %d", code)
	}
}

func TestExamplesAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range examples.All() {
		if seen[e.Name] {
			t.Errorf("two examples named %s", e.Name)
		}
		seen[e.Name] = true
		if e.Concept == "" || e.Run == nil || !containsChapter(e.Chapter) {
			t.Errorf("example %s: chapter %q, concept %q", e.Name, e.Chapter, e.Concept)
		}
	}
}

func containsChapter(c string) bool {
	for _, ch := range examples.Chapters {
		if ch == c {
			return true
		}
	}
	return false
}
