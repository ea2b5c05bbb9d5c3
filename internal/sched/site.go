package sched

import (
	"fmt"
	"runtime"
	"strings"
)

// ownPackages are the packages of fearless whose frames a site skips: the
// schedulers, the seam, and the libraries and runtime that call them.
var ownPackages = []string{"model", "internal", "thread", "gort", "pool", "par", "shared", "mpsc", "session"}

// OwnFrame reports whether fn, a function's full name as runtime.Frame
// gives it, belongs to fearless's own packages or to Go's runtime.
func OwnFrame(fn string) bool {
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

// Site returns where the caller was called from: the first frame of the
// stack, skip frames up from Site's caller, that is outside fearless's own
// packages, as "dir/file.go:line". It is "" if there is none.
func Site(skip int) string {
	return Callers(skip + 1).String()
}

// A CallSite is a call stack taken cheaply, to be turned into a site only
// if a report needs it; or a site known without a stack (At).
type CallSite struct {
	at  string
	pcs [24]uintptr
	n   int
}

// At returns the CallSite of a site known without a stack, as
// "dir/file.go:line": a go statement or make that the rewriter replaced,
// whose place it knows.
func At(site string) *CallSite { return &CallSite{at: site} }

// Callers records the stack skip frames up from Callers' caller.
func Callers(skip int) *CallSite {
	c := &CallSite{}
	c.n = runtime.Callers(skip+2, c.pcs[:])
	return c
}

// Near records the few frames (four at most) from skip frames up from
// Near's caller: less to walk than Callers, for a caller that knows the
// user's frame is among them (a go statement that rewritten code replaced,
// called directly or through a wrapper such as WaitGroup.Go).
func Near(skip int) *CallSite { return Frames(skip+1, 4) }

// Frames records n frames at most (up to 24) from skip frames up from
// Frames' caller.
func Frames(skip, n int) *CallSite {
	c := &CallSite{}
	c.n = runtime.Callers(skip+2, c.pcs[:min(n, len(c.pcs))])
	return c
}

// String returns the site as Site does; "" for a nil CallSite.
func (c *CallSite) String() string {
	if c == nil {
		return ""
	}
	if c.at != "" {
		return c.at
	}
	frames := runtime.CallersFrames(c.pcs[:c.n])
	for {
		f, more := frames.Next()
		if !OwnFrame(f.Function) && f.File != "" {
			return fmt.Sprintf("%s:%d", ShortFile(f.File), f.Line)
		}
		if !more {
			return ""
		}
	}
}

// ShortFile keeps the last two elements of a path: enough to find the
// file, and the same on every machine.
func ShortFile(path string) string {
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return path
	}
	if j := strings.LastIndexByte(path[:i], '/'); j >= 0 {
		return path[j+1:]
	}
	return path
}
