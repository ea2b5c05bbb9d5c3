package testing

import (
	"fmt"
	"runtime"
	"strings"
	stdtesting "testing"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/gort/context"
	"github.com/fearlessgo/fearless/internal/sched"
)

// T is testing.T for a rewritten test. While the explorer runs the test,
// its failures, skips, logs and cleanups belong to the run in progress.
type T struct {
	*stdtesting.T
	run  *runState // nil: not explored, everything is the real T's
	name string
	ctx  context.Context
	stop context.CancelFunc

	failed, skipped bool
	cleanups        []func()
}

// Wrap returns the drop-in T of t, when no explorer runs (a synctest
// bubble's T, say).
func Wrap(t *stdtesting.T) *T { return &T{T: t} }

// runState is what one run of an explored test records.
type runState struct {
	logs    []string
	helpers map[string]bool
	skip    string // why the test skipped, if it did
}

// Kinds of failure that a test itself raises.
const (
	KindFail = "fail"
	KindSkip = "skip"
)

// site returns where the test called the method that calls site, skipping
// the functions marked with Helper.
func (t *T) site() string {
	var pcs [32]uintptr
	n := runtime.Callers(3, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !t.run.helpers[f.Function] && !sched.OwnFrame(f.Function) {
			return fmt.Sprintf("%s:%d", sched.ShortFile(f.File), f.Line)
		}
		if !more {
			return "?"
		}
	}
}

func (t *T) fail(site, msg string) {
	t.failed = true
	var b strings.Builder
	fmt.Fprintf(&b, "%s failed at %s", t.name, site)
	if msg != "" {
		fmt.Fprintf(&b, ": %s", msg)
	}
	b.WriteString("\n")
	if len(t.run.logs) > 0 {
		b.WriteString("log of the run:\n")
		for _, l := range t.run.logs {
			fmt.Fprintf(&b, "    %s\n", l)
		}
	}
	if r := sched.ActiveRunner(); r != nil {
		r.Fail(KindFail, b.String())
	}
}

// Helper is testing.T.Helper: the caller is skipped when a failure's line
// is reported.
func (t *T) Helper() {
	if t.run == nil {
		t.T.Helper()
		return
	}
	pc, _, _, ok := runtime.Caller(1)
	if fn := runtime.FuncForPC(pc); ok && fn != nil {
		t.run.helpers[fn.Name()] = true
	}
}

// Fail is testing.T.Fail.
func (t *T) Fail() {
	if t.run == nil {
		t.T.Fail()
		return
	}
	t.fail(t.site(), "")
}

// FailNow is testing.T.FailNow.
func (t *T) FailNow() {
	if t.run == nil {
		t.T.FailNow()
		return
	}
	t.fail(t.site(), "")
	runtime.Goexit()
}

// Failed is testing.T.Failed.
func (t *T) Failed() bool {
	if t.run == nil {
		return t.T.Failed()
	}
	return t.failed
}

// Error is testing.T.Error.
func (t *T) Error(args ...any) {
	if t.run == nil {
		t.T.Helper()
		t.T.Error(args...)
		return
	}
	t.fail(t.site(), strings.TrimSuffix(fmt.Sprintln(args...), "\n"))
}

// Errorf is testing.T.Errorf.
func (t *T) Errorf(format string, args ...any) {
	if t.run == nil {
		t.T.Helper()
		t.T.Errorf(format, args...)
		return
	}
	t.fail(t.site(), fmt.Sprintf(format, args...))
}

// Fatal is testing.T.Fatal.
func (t *T) Fatal(args ...any) {
	if t.run == nil {
		t.T.Helper()
		t.T.Fatal(args...)
		return
	}
	t.fail(t.site(), strings.TrimSuffix(fmt.Sprintln(args...), "\n"))
	runtime.Goexit()
}

// Fatalf is testing.T.Fatalf.
func (t *T) Fatalf(format string, args ...any) {
	if t.run == nil {
		t.T.Helper()
		t.T.Fatalf(format, args...)
		return
	}
	t.fail(t.site(), fmt.Sprintf(format, args...))
	runtime.Goexit()
}

// Log is testing.T.Log.
func (t *T) Log(args ...any) {
	if t.run == nil {
		t.T.Helper()
		t.T.Log(args...)
		return
	}
	t.run.logs = append(t.run.logs, t.site()+": "+strings.TrimSuffix(fmt.Sprintln(args...), "\n"))
}

// Logf is testing.T.Logf.
func (t *T) Logf(format string, args ...any) {
	if t.run == nil {
		t.T.Helper()
		t.T.Logf(format, args...)
		return
	}
	t.run.logs = append(t.run.logs, t.site()+": "+fmt.Sprintf(format, args...))
}

// Skip is testing.T.Skip.
func (t *T) Skip(args ...any) {
	if t.run == nil {
		t.T.Helper()
		t.T.Skip(args...)
		return
	}
	t.skip(strings.TrimSuffix(fmt.Sprintln(args...), "\n"))
}

// Skipf is testing.T.Skipf.
func (t *T) Skipf(format string, args ...any) {
	if t.run == nil {
		t.T.Helper()
		t.T.Skipf(format, args...)
		return
	}
	t.skip(fmt.Sprintf(format, args...))
}

// SkipNow is testing.T.SkipNow.
func (t *T) SkipNow() {
	if t.run == nil {
		t.T.SkipNow()
		return
	}
	t.skip("")
}

func (t *T) skip(why string) {
	t.skipped = true
	if t.run.skip == "" {
		t.run.skip = t.name + " skipped at " + t.site()
		if why != "" {
			t.run.skip += ": " + why
		}
	}
	runtime.Goexit()
}

// Skipped is testing.T.Skipped.
func (t *T) Skipped() bool {
	if t.run == nil {
		return t.T.Skipped()
	}
	return t.skipped
}

// Name is testing.T.Name.
func (t *T) Name() string {
	if t.run == nil {
		return t.T.Name()
	}
	return t.name
}

// Cleanup is testing.T.Cleanup.
func (t *T) Cleanup(f func()) {
	if t.run == nil {
		t.T.Cleanup(f)
		return
	}
	t.cleanups = append(t.cleanups, f)
}

// Parallel is testing.T.Parallel. Under the explorer it does nothing: the
// explorer runs one test at a time, and its goroutines one at a time.
func (t *T) Parallel() {
	if t.run == nil {
		t.T.Parallel()
	}
}

// Context is testing.T.Context: cancelled just before the cleanups run.
func (t *T) Context() context.Context {
	if t.run == nil {
		return t.T.Context()
	}
	if t.ctx == nil {
		t.ctx, t.stop = context.WithCancel(context.Background())
	}
	return t.ctx
}

// Run is testing.T.Run: f runs as a subtest in its own goroutine, and Run
// returns when it ended.
func (t *T) Run(name string, f func(t *T)) bool {
	if t.run == nil {
		return t.T.Run(name, func(st *stdtesting.T) { f(&T{T: st}) })
	}
	sub := &T{T: t.T, run: t.run, name: t.name + "/" + strings.ReplaceAll(name, " ", "_")}
	sub.runBody(f)
	return !sub.failed
}

// runBody runs f(t) in a goroutine of its own, waits for it to end (by
// returning, FailNow or SkipNow), then runs t's cleanups.
func (t *T) runBody(f func(t *T)) {
	done := gort.Made(make(chan struct{}))
	gort.Go(func() {
		defer gort.Close(done)
		if r := sched.ActiveRunner(); r != nil {
			r.Label(t.name)
		}
		f(t)
	})
	gort.In(done).Recv()
	if t.stop != nil {
		t.stop()
	}
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
}
