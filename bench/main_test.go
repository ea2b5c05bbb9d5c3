package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSmokeRun runs the whole command on every workload and side with a
// tiny N and one run, and checks that it wrote the JSON, the Markdown and
// the charts. It says nothing about speed.
func TestSmokeRun(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run([]string{"-quick", "-scale", "0.002", "-runs", "1", "-warmup", "0", "-out", out}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	var kinds = map[string]int{}
	ents, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		kinds[filepath.Ext(e.Name())]++
	}
	if kinds[".json"] != 1 || kinds[".md"] != 1 || kinds[".svg"] < 3 {
		t.Errorf("wrote %v, want one .json, one .md, several .svg", kinds)
	}
	md := stdout.String()
	for _, s := range []string{"# fearless benchmarks", "quick run", "scaled by 0.002", "| `chan/unbounded/spsc` |", "| `par/map` |"} {
		if !strings.Contains(md, s) {
			t.Errorf("stdout lacks %q", s)
		}
	}
	// rerender from the JSON writes the same set of files again.
	again := t.TempDir()
	var json string
	for _, e := range ents {
		if filepath.Ext(e.Name()) == ".json" {
			json = filepath.Join(out, e.Name())
		}
	}
	if err := run([]string{"-from", json, "-out", again}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	ents2, _ := os.ReadDir(again)
	if len(ents2) != len(ents) {
		t.Errorf("-from wrote %d files, the run wrote %d", len(ents2), len(ents))
	}
}

func TestBadFlags(t *testing.T) {
	var b bytes.Buffer
	for _, args := range [][]string{
		{"-nope"},
		{"-only", "("},
		{"-scale", "0"},
		{"stray"},
		{"-from", filepath.Join(t.TempDir(), "missing.json")},
	} {
		if err := run(args, &b, &b); err == nil {
			t.Errorf("run(%q): no error", args)
		}
	}
}

// -h and -help print the usage and succeed; an unknown flag is named.
func TestHelpAndUnknownFlags(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		var stdout, stderr strings.Builder
		if err := run([]string{arg}, &stdout, &stderr); err != nil {
			t.Errorf("run(%s) = %v, want nil", arg, err)
		}
		if !strings.Contains(stderr.String(), "usage: go run ./bench [flags]") || !strings.Contains(stderr.String(), "-quick") {
			t.Errorf("run(%s) printed no usage:\n%s", arg, stderr.String())
		}
	}
	var stdout, stderr strings.Builder
	err := run([]string{"-fast"}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "-fast") {
		t.Errorf("run(-fast) = %v, want an error naming the flag", err)
	}
}
