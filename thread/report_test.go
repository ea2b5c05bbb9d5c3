package thread_test

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/thread"
)

// panicOf spawns a thread named name that panics with "boom" and returns
// its thread.PanicError and the line of report_test.go that panicked.
func panicOf(t *testing.T, name string) *thread.PanicError {
	t.Helper()
	h, _ := thread.SpawnWith(thread.NewBuilder().Name(name), func() int { panic("boom") })
	_, err := h.Join()
	pe, ok := err.(*thread.PanicError)
	if !ok {
		t.Fatalf("Join() = %v, want a *thread.PanicError", err)
	}
	return pe
}

func TestDefaultHookPrintsRustsShape(t *testing.T) {
	e := panicOf(t, "worker")
	lines := strings.Split(thread.FormatPanic(e, ""), "\n")
	if len(lines) != 4 || lines[3] != "" {
		t.Fatalf("report has %d lines, want 3:\n%s", len(lines)-1, strings.Join(lines, "\n"))
	}
	if !regexp.MustCompile(`^thread 'worker' panicked at report_test\.go:\d+:$`).MatchString(lines[0]) {
		t.Errorf("first line %q: want thread 'worker' panicked at report_test.go:LINE:", lines[0])
	}
	if lines[1] != "boom" {
		t.Errorf("second line %q, want the value", lines[1])
	}
	if want := "note: run with `FEARLESS_BACKTRACE=1` environment variable to display a backtrace"; lines[2] != want {
		t.Errorf("third line %q, want %q", lines[2], want)
	}
}

func TestDefaultHookBacktraceLeavesOutFearlessFrames(t *testing.T) {
	e := panicOf(t, "worker")
	for _, env := range []string{"1", "full"} {
		out := thread.FormatPanic(e, env)
		if !strings.Contains(out, "\nstack backtrace:\n") || strings.Contains(out, "note: run with") {
			t.Fatalf("FEARLESS_BACKTRACE=%s:\n%s", env, out)
		}
		if !strings.Contains(out, "thread_test.panicOf.func1()") {
			t.Errorf("the panicking function is missing:\n%s", out)
		}
		for _, own := range []string{"thread.(*JoinHandle", "thread.enter", "internal/sched", "runtime/debug.Stack"} {
			if strings.Contains(out, own) {
				t.Errorf("backtrace shows fearless's own frame %s:\n%s", own, out)
			}
			if !bytes.Contains(e.Stack, []byte(own)) {
				t.Errorf("thread.PanicError.Stack lost frame %s", own)
			}
		}
	}
	if out := thread.FormatPanic(e, "0"); !strings.Contains(out, "note: run with") {
		t.Errorf("FEARLESS_BACKTRACE=0 printed a backtrace:\n%s", out)
	}
}

// A runtime error panics from inside the runtime: the site is still the
// user's line.
func TestDefaultHookSiteOfARuntimeError(t *testing.T) {
	var m map[string]int
	h := thread.Spawn(func() int { m["x"] = 1; return 0 })
	_, err := h.Join()
	first, _, _ := strings.Cut(thread.FormatPanic(err.(*thread.PanicError), ""), "\n")
	if !regexp.MustCompile(`^thread '<unnamed>' panicked at report_test\.go:\d+:$`).MatchString(first) {
		t.Errorf("first line %q", first)
	}
}

// A thread.PanicError made by hand, with no stack, is reported without a site.
func TestDefaultHookWithoutStack(t *testing.T) {
	got := thread.FormatPanic(&thread.PanicError{Value: "bad event", Thread: "event-loop"}, "")
	if !strings.HasPrefix(got, "thread 'event-loop' panicked:\nbad event\nnote:") {
		t.Errorf("got %q", got)
	}
}

// The default hook writes the report to standard error, and reads
// FEARLESS_BACKTRACE when it reports.
func TestDefaultHookWritesStderr(t *testing.T) {
	prev := thread.SetPanicHook(nil)
	t.Cleanup(func() { thread.SetPanicHook(prev) })
	t.Setenv("FEARLESS_BACKTRACE", "1")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stderr = w
	panicOf(t, "loud")
	os.Stderr = stderr
	w.Close()
	out, _ := io.ReadAll(r)
	if !regexp.MustCompile(`^thread 'loud' panicked at report_test\.go:\d+:\nboom\nstack backtrace:\n`).Match(out) {
		t.Errorf("stderr:\n%s", out)
	}
}
