package thread

import (
	"fmt"
	"os"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/panics"
)

// A PanicError is what Join returns when the thread's function panicked.
type PanicError struct {
	Value  any    // the value passed to panic
	Stack  []byte // the panicking goroutine's stack, as debug.Stack prints it
	Thread string // the thread's name, or "<unnamed>"
}

// Error returns "thread '<name>' panicked: <value>".
func (e *PanicError) Error() string {
	return fmt.Sprintf("thread '%s' panicked: %v", e.Thread, e.Value)
}

// Unwrap returns Value when it is an error, so errors.Is and errors.As see
// through the panic; otherwise nil.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// ErrGoexit is the Value of the PanicError that Join returns for a thread
// that ended by runtime.Goexit (t.FailNow, for one) instead of returning.
var ErrGoexit = panics.ErrGoexit

var panicHook atomic.Pointer[func(*PanicError)]

// SetPanicHook makes hook the function called, in the panicking thread, each
// time a thread's function panics, before Join returns the panic, and by
// ReportPanic. A nil hook restores the default, which prints to standard
// error where the thread panicked and with what, as Rust does:
//
//	thread 'worker' panicked at main.go:12:
//	boom
//	note: run with `FEARLESS_BACKTRACE=1` environment variable to display a backtrace
//
// and, when FEARLESS_BACKTRACE is set (to anything but 0), the stack instead
// of the note, without fearless's own frames; the PanicError keeps the whole
// stack either way. SetPanicHook returns the previous hook (nil for the
// default). A panic inside the hook is printed and otherwise ignored.
//
// In tests, fearlesstest.QuietPanics swaps the hook for the test's length.
func SetPanicHook(hook func(*PanicError)) (previous func(*PanicError)) {
	var p *func(*PanicError)
	if hook != nil {
		p = &hook
	}
	if old := panicHook.Swap(p); old != nil {
		return *old
	}
	return nil
}

// ReportPanic hands e to the panic hook (see SetPanicHook), exactly as a
// panic in a spawned thread is reported, for code that runs functions on
// its own goroutines, recovers their panics, and should report them as a
// thread would: a pool's worker, say. It calls the hook on the calling
// goroutine and returns when the hook returns; a panic inside the hook is
// printed and otherwise ignored, so ReportPanic itself never panics. A nil
// e is ignored. Safe for concurrent use.
func ReportPanic(e *PanicError) {
	if e != nil {
		reportPanic(e)
	}
}

func reportPanic(e *PanicError) {
	hook := defaultPanicHook
	if p := panicHook.Load(); p != nil {
		hook = *p
	}
	panics.Run(func() { hook(e) }, func(p *panics.Panic) {
		if p != nil && !p.Goexit() {
			fmt.Fprintf(os.Stderr, "thread: the panic hook panicked: %v\n", p.Value)
		}
	})
}
