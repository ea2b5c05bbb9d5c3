package model

import (
	"fmt"
	"runtime"
	"strings"
)

// What the explorer does for the runtime of rewritten Go code
// (sched.Runner): decisions that are not a choice of thread, goroutines that
// serve others, failures that are not panics, and operations it does not
// control.

// choose takes an n-way decision of the schedule: forced by the path, or
// fresh, tried each way by the depth-first search.
func (e *execution) choose(n int) int {
	if n <= 1 {
		return 0
	}
	e.mu.Lock()
	e.checkLive()
	e.flush()
	c := e.chooseValue(n)
	e.mu.Unlock()
	return c
}

// failWith ends the run as a failure of the given kind, raised by the
// running thread (a test's t.Error, say).
func (e *execution) failWith(kind, report string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.aborting || e.ended {
		return
	}
	e.flush()
	var b strings.Builder
	b.WriteString(report)
	if !strings.HasSuffix(report, "\n") {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\nin %s\n\n", e.cur.displayName())
	b.WriteString(e.stepLines())
	e.fail(&Failure{Kind: kind, Report: b.String()})
}

// noteOutside records an operation the explorer does not control.
func (e *execution) noteOutside(what string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.outside = append(e.outside, what)
}

// ownPackages are the packages whose frames a creation site skips: the
// explorer, the seam, and the libraries and runtime that call them.
var ownPackages = []string{"model", "internal", "thread", "gort", "pool", "par", "shared", "mpsc", "session"}

// ownFrame reports whether fn, a function's full name, is in ownPackages or
// in Go's runtime.
func ownFrame(fn string) bool {
	if strings.HasPrefix(fn, "runtime.") {
		return true
	}
	rest, ok := strings.CutPrefix(fn, "github.com/fearlessgo/fearless/")
	if !ok {
		return false
	}
	for _, p := range ownPackages {
		if after, ok := strings.CutPrefix(rest, p); ok && (strings.HasPrefix(after, ".") || strings.HasPrefix(after, "/")) {
			return true
		}
	}
	return false
}

// creationSite returns where the goroutine being started was started: the
// first frame of the caller's stack outside fearless's own packages and the
// Go runtime, as "file:line".
func creationSite() string {
	var pcs [16]uintptr
	n := runtime.Callers(3, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !ownFrame(f.Function) && f.File != "" {
			return shortFile(f.File) + fmt.Sprintf(":%d", f.Line)
		}
		if !more {
			return ""
		}
	}
}

// shortFile keeps the last two elements of a path: enough to find the file,
// and the same on every machine.
func shortFile(path string) string {
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return path
	}
	if j := strings.LastIndexByte(path[:i], '/'); j >= 0 {
		return path[j+1:]
	}
	return path
}
