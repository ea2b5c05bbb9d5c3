package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	fearlesstesting "github.com/fearlessgo/fearless/gort/testing"
)

// testResult is the object -json prints for each test: what the test
// binary reported (Result is "pass", "fail" or "skip"; Kind is empty on a
// pass), with the package it belongs to.
type testResult struct {
	Package string
	fearlesstesting.Outcome
}

// runTests runs every selected test of every binary under the explorer
// and prints what it found. It returns the exit status.
func runTests(f *testFlags, bins []testBinary, work string, stdout, stderr io.Writer) int {
	status := 0
	enc := json.NewEncoder(stdout)
	for _, b := range bins {
		names, err := listTests(b, f.run)
		if err != nil {
			fmt.Fprintf(stderr, "fearless test: %s: %v\n", b.pkg, err)
			return 2
		}
		if f.replay != "" && len(names) != 1 {
			fmt.Fprintf(stderr, "fearless test: -replay needs -run to name exactly one test of %s; %q names %d\n", b.pkg, f.run, len(names))
			return 2
		}
		start := time.Now()
		failed := false
		for _, name := range names {
			r := runOne(f, b, name, work)
			if r.Result == "fail" {
				failed = true
			}
			if f.json {
				enc.Encode(r)
			} else {
				printResult(stdout, f, r)
			}
		}
		if failed {
			status = 1
		}
		if !f.json {
			if failed {
				fmt.Fprintf(stdout, "FAIL\t%s\t%.3fs\n", b.pkg, time.Since(start).Seconds())
			} else {
				fmt.Fprintf(stdout, "ok  \t%s\t%.3fs\n", b.pkg, time.Since(start).Seconds())
			}
		}
	}
	return status
}

// listTests returns the names of the binary's tests that match run.
func listTests(b testBinary, run string) ([]string, error) {
	if run == "" {
		run = "."
	}
	cmd := exec.Command(b.path, "-test.list", run)
	cmd.Dir = b.dir
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("listing the tests: %v", err)
	}
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if name := strings.TrimSpace(sc.Text()); strings.HasPrefix(name, "Test") {
			names = append(names, name)
		}
	}
	return names, nil
}

// runOne explores one test in a process of its own, so that a test that
// breaks the process (a fatal error, a hang in code the explorer does not
// control) breaks only itself.
func runOne(f *testFlags, b testBinary, name, work string) testResult {
	res := testResult{Package: b.pkg, Outcome: fearlesstesting.Outcome{Test: name}}
	out := filepath.Join(work, "result.json")
	os.Remove(out)
	cfg := fearlesstesting.Config{Schedules: f.schedules, Budget: f.budget, Seed: f.seed, Replay: f.replay, Early: f.timers == "early", Out: out}
	raw, _ := json.Marshal(cfg)
	// The binary stops starting schedules when the budget is spent; past
	// twice that plus a minute, it is stuck outside the explorer's control.
	ctx, cancel := context.WithTimeout(context.Background(), 2*f.budget+time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.path, "-test.run", "^"+regexpQuote(name)+"$", "-test.count", "1", "-test.timeout", "0")
	cmd.Dir = b.dir
	cmd.Env = append(os.Environ(), fearlesstesting.ConfigEnv+"="+string(raw), "GODEBUG=randseednop=0")
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	runErr := cmd.Run()
	data, err := os.ReadFile(out)
	var r fearlesstesting.Outcome
	if err == nil && json.Unmarshal(bytes.TrimSpace(data), &r) == nil {
		res.Outcome = r
		if r.Result == "fail" {
			res.Report += fmt.Sprintf("\nreplay: fearless test -run '^%s$' -replay '%s' %s\n", name, res.Schedule, b.pkg)
		}
		return res
	}
	// No result: the process ended before the explorer could report.
	res.Result, res.Kind = "fail", "crash"
	why := "the test process ended before the explorer reported"
	if ctx.Err() != nil {
		why = fmt.Sprintf("the test did not finish within %v: a goroutine is blocked or busy in code the explorer does not control (a syscall, cgo, or a package that was not rewritten)", 2*f.budget+time.Minute)
	} else if runErr != nil {
		why += " (" + runErr.Error() + ")"
	}
	res.Report = why + "\n" + crashExcerpt(output.String(), 60)
	return res
}

func printResult(w io.Writer, f *testFlags, r testResult) {
	word := map[string]string{"pass": "PASS", "fail": "FAIL", "skip": "SKIP"}[r.Result]
	detail := fmt.Sprintf("%d schedules", r.Schedules)
	if r.Schedules == 1 {
		detail = "1 schedule"
	}
	switch {
	case r.Outside > 0:
		detail += fmt.Sprintf("; not exhaustive: %d operations outside the explorer", r.Outside)
	case r.Cut > 0:
		detail += fmt.Sprintf("; not exhaustive: %s cut at the step limit", count(r.Cut, "run"))
	case r.Result == "pass" && r.Exhaustive:
		detail += ", exhaustive"
	}
	fmt.Fprintf(w, "--- %s: %s (%s)\n", word, r.Test, detail)
	if r.Result == "fail" {
		fmt.Fprintf(w, "    %s", indent(r.Report))
		if f.timers == "early" {
			fmt.Fprintf(w, "    (timers: early: a timer may fire while other goroutines could run)\n")
		}
	}
	if r.Result == "skip" && r.Report != "" {
		fmt.Fprintf(w, "    %s\n", r.Report)
	}
	for _, n := range r.OutsideNotes {
		fmt.Fprintf(w, "    outside the explorer: %s\n", n)
	}
	if r.Cut > 0 {
		fmt.Fprintf(w, "    cut: %s reached the step limit (%d decisions) while still making progress (goroutines starting or ending, objects touched for the first time or many objects touched): long rather than stuck, and explored no further\n", count(r.Cut, "run"), fearlesstesting.MaxSteps)
	}
}

// count is n things: "1 run", "2 runs".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

func indent(s string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ") + "\n"
}

// crashExcerpt is at most n lines of the output of a test process that
// died: from a little before Go's "fatal error:" or "panic:" line, which
// says why, into the stacks after it; the last n lines when there is none.
func crashExcerpt(s string, n int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	from := max(0, len(ls)-n)
	for i, l := range ls {
		if strings.HasPrefix(l, "fatal error: ") || strings.HasPrefix(l, "panic: ") {
			from = max(0, i-crashContext)
			break
		}
	}
	return strings.Join(ls[from:min(len(ls), from+n)], "\n")
}

// crashContext is how many lines before the fatal error a crash report
// keeps: the runtime prints what it found wrong there (a coroutine's lock
// state, say).
const crashContext = 5

func regexpQuote(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`\.+*?()|[]{}^$`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}
