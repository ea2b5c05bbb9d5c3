package thread

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// backtraceEnv is the environment variable that makes the default panic
// hook print the stack, as RUST_BACKTRACE does for Rust programs.
const backtraceEnv = "FEARLESS_BACKTRACE"

// defaultPanicHook prints a panic as Rust does:
//
//	thread 'worker' panicked at main.go:12:
//	boom
//	note: run with `FEARLESS_BACKTRACE=1` environment variable to display a backtrace
//
// With FEARLESS_BACKTRACE set (to anything but "0"), the note gives way to
// the panicking goroutine's stack, without fearless's own frames.
func defaultPanicHook(e *PanicError) {
	os.Stderr.WriteString(formatPanic(e, os.Getenv(backtraceEnv)))
}

// formatPanic is what defaultPanicHook prints, given the value of
// FEARLESS_BACKTRACE.
func formatPanic(e *PanicError, backtrace string) string {
	var b strings.Builder
	frames := parseStack(e.Stack)
	fmt.Fprintf(&b, "thread '%s' panicked", e.Thread)
	if at := panicSite(frames); at != "" {
		b.WriteString(" at " + at)
	}
	fmt.Fprintf(&b, ":\n%v\n", e.Value)
	if backtrace == "" || backtrace == "0" {
		b.WriteString("note: run with `" + backtraceEnv + "=1` environment variable to display a backtrace\n")
		return b.String()
	}
	b.WriteString("stack backtrace:\n")
	for _, f := range frames {
		if !f.internal() {
			b.WriteString(f.call + "\n" + f.at + "\n")
		}
	}
	return b.String()
}

// A frame is one entry of a goroutine's stack as runtime.Stack prints it:
// the call ("main.work(0x2)", or "created by main.main in goroutine 1")
// and the line below it ("\t/src/main.go:12 +0x25").
type frame struct{ call, at string }

func parseStack(stack []byte) []frame {
	lines := strings.Split(strings.TrimRight(string(stack), "\n"), "\n")
	var frames []frame
	for i := 0; i+1 < len(lines); i++ {
		if strings.HasPrefix(lines[i+1], "\t") && !strings.HasPrefix(lines[i], "\t") {
			frames = append(frames, frame{lines[i], lines[i+1]})
			i++
		}
	}
	return frames
}

// function is the frame's function, without arguments or "created by".
func (f frame) function() string {
	fn := strings.TrimPrefix(f.call, "created by ")
	if i := strings.LastIndexByte(fn, '('); i > 0 && strings.HasSuffix(fn, ")") {
		fn = fn[:i]
	}
	fn, _, _ = strings.Cut(fn, " in goroutine ")
	return fn
}

// location is the frame's file and line, relative to the working directory
// when the file is below it.
func (f frame) location() string {
	at, _, _ := strings.Cut(strings.TrimSpace(f.at), " +0x")
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, at); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return at
}

// libraryPrefixes are the packages whose frames a backtrace leaves out:
// the machinery of threads, locks, channels, sessions, pools and par calls
// around the user's code, and the capture of the stack itself.
var libraryPrefixes = []string{
	"runtime/debug.Stack",
	"github.com/fearlessgo/fearless/thread.",
	"github.com/fearlessgo/fearless/mpsc.",
	"github.com/fearlessgo/fearless/shared.",
	"github.com/fearlessgo/fearless/session.",
	"github.com/fearlessgo/fearless/pool.",
	"github.com/fearlessgo/fearless/par.",
	"github.com/fearlessgo/fearless/internal/",
}

func (f frame) internal() bool {
	fn := f.function()
	for _, p := range libraryPrefixes {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}

// panicSite is the location of the code that panicked: the first frame
// below the latest call of panic that is neither the runtime's (a nil
// dereference or an index out of range panics from inside the runtime)
// nor fearless's own. It is "" when the stack shows no panic, as for a
// PanicError made by hand.
func panicSite(frames []frame) string {
	for i, f := range frames {
		if f.function() != "panic" {
			continue
		}
		for _, g := range frames[i+1:] {
			if !strings.HasPrefix(g.function(), "runtime.") && !g.internal() {
				return g.location()
			}
		}
		return ""
	}
	return ""
}
