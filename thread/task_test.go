package thread

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/fearlessgo/fearless/internal/leak"
)

// countHook installs a panic hook that counts its calls, until the test ends.
func countHook(t *testing.T) *atomic.Int32 {
	var n atomic.Int32
	prev := SetPanicHook(func(*PanicError) { n.Add(1) })
	t.Cleanup(func() { SetPanicHook(prev) })
	return &n
}

func TestTaskWithCancelRuns(t *testing.T) {
	leak.Check(t)
	h, run, cancel := TaskWithCancel(func() int { return 5 })
	if h.IsFinished() {
		t.Fatal("a task finished before run")
	}
	run()
	cancel(errors.New("too late")) // run came first: ignored
	run()
	if v, err := h.Join(); v != 5 || err != nil {
		t.Fatalf("Join() = %v, %v; want 5, nil", v, err)
	}
}

func TestTaskWithCancelCancels(t *testing.T) {
	leak.Check(t)
	hooked := countHook(t)
	why := errors.New("dropped")
	ran := false
	h, run, cancel := TaskWithCancel(func() int { ran = true; return 5 })
	cancel(why)
	run()                        // cancel came first: f never runs
	cancel(errors.New("second")) // ignored
	for range 2 {
		v, err := h.Join()
		if v != 0 || err != why {
			t.Fatalf("Join() = %v, %v; want 0, the error given to cancel", v, err)
		}
	}
	if ran {
		t.Fatal("f ran after cancel")
	}
	var pe *PanicError
	if _, err := h.Join(); errors.As(err, &pe) {
		t.Fatalf("a canceled task's error is a PanicError: %v", err)
	}
	if !h.IsFinished() {
		t.Fatal("IsFinished() = false after cancel")
	}
	select {
	case <-h.Done():
	default:
		t.Fatal("Done() not closed after cancel")
	}
	if n := hooked.Load(); n != 0 {
		t.Fatalf("the panic hook ran %d times for a canceled task", n)
	}
}

func TestTaskWithCancelNilError(t *testing.T) {
	leak.Check(t)
	h, _, cancel := TaskWithCancel(func() string { return "x" })
	cancel(nil)
	if v, err := h.Join(); v != "" || !errors.Is(err, ErrCanceled) {
		t.Fatalf("Join() = %q, %v; want ErrCanceled", v, err)
	}
}

func TestTaskWithCancelKeepsWrappedErrors(t *testing.T) {
	leak.Check(t)
	base := errors.New("base")
	h, _, cancel := TaskWithCancel(func() int { return 1 })
	cancel(errors.Join(ErrCanceled, base))
	if _, err := h.Join(); !errors.Is(err, base) || !errors.Is(err, ErrCanceled) {
		t.Fatalf("Join() = %v; want it to match what cancel's error matches", err)
	}
}

func TestTaskWithCancelPanicStillReported(t *testing.T) {
	leak.Check(t)
	hooked := countHook(t)
	h, run, cancel := TaskWithCancel(func() int { panic("task") })
	run()
	cancel(errors.New("too late"))
	var pe *PanicError
	if _, err := h.Join(); !errors.As(err, &pe) || pe.Value != "task" {
		t.Fatalf("Join() = %v; want the task's PanicError", err)
	}
	if n := hooked.Load(); n != 1 {
		t.Fatalf("the panic hook ran %d times, want 1", n)
	}
}

// TestTaskWithCancelRace races run, cancel and Join on many tasks: each
// task either ran once or was canceled, never both, and Join agrees.
func TestTaskWithCancelRace(t *testing.T) {
	leak.Check(t)
	const n = 2000
	why := errors.New("canceled")
	var ran, canceled atomic.Int32
	var wg sync.WaitGroup
	for i := range n {
		var calls atomic.Int32
		h, run, cancel := TaskWithCancel(func() int { calls.Add(1); return i })
		wg.Go(run)
		wg.Go(func() { cancel(why) })
		wg.Go(func() {
			v, err := h.Join()
			switch {
			case err == nil && v == i:
				ran.Add(1)
			case err == why && v == 0:
				canceled.Add(1)
			default:
				t.Errorf("task %d: Join() = %v, %v", i, v, err)
			}
			if c := calls.Load(); (err == nil) != (c == 1) || c > 1 {
				t.Errorf("task %d: f ran %d times, Join() error %v", i, c, err)
			}
		})
	}
	wg.Wait()
	if r, c := ran.Load(), canceled.Load(); r+c != n {
		t.Fatalf("%d ran + %d canceled, want %d in all", r, c, n)
	}
}

// TestCancelWakesBlockedJoin: a Join and a Done waiting on a task are
// durably blocked until the task is canceled, then see the error.
func TestCancelWakesBlockedJoin(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		why := errors.New("dropped")
		h, _, cancel := TaskWithCancel(func() int { return 1 })
		joined := Spawn(func() error { _, err := h.Join(); return err })
		selected := Go(func() { <-h.Done() })
		synctest.Wait()
		if joined.IsFinished() || selected.IsFinished() {
			t.Fatal("a waiter returned before cancel")
		}
		cancel(why)
		if err, _ := joined.Join(); err != why {
			t.Fatalf("the blocked Join returned %v", err)
		}
		selected.Join()
	})
}

func TestReportPanicCallsTheHook(t *testing.T) {
	leak.Check(t)
	got := make(chan *PanicError, 2)
	useHook(t, func(e *PanicError) { got <- e })
	e := &PanicError{Value: "boom", Stack: []byte("stack"), Thread: "worker-3"}
	ReportPanic(e)
	ReportPanic(nil) // ignored
	if r := <-got; r != e {
		t.Fatalf("the hook got %v, want the reported error", r)
	}
	select {
	case r := <-got:
		t.Fatalf("the hook got %v for a nil report", r)
	default:
	}
}

func TestReportPanicContainsAPanickingHook(t *testing.T) {
	leak.Check(t)
	useHook(t, func(*PanicError) { panic("hook") })
	ReportPanic(&PanicError{Value: 1, Thread: "<unnamed>"}) // must not panic
}

func TestReportPanicConcurrent(t *testing.T) {
	leak.Check(t)
	var n atomic.Int32
	useHook(t, func(*PanicError) { n.Add(1) })
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				ReportPanic(&PanicError{Value: "x", Thread: "<unnamed>"})
			}
		})
	}
	wg.Wait()
	if got := n.Load(); got != 800 {
		t.Fatalf("the hook ran %d times, want 800", got)
	}
}
