package model

import (
	"fmt"
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
	e.lock()
	e.checkLive()
	e.flush()
	c := e.chooseValue(n)
	e.mu.Unlock()
	return c
}

// failWith ends the run as a failure of the given kind, raised by the
// running thread (a test's t.Error, say).
func (e *execution) failWith(kind, report string) {
	e.lock()
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
	e.lock()
	defer e.mu.Unlock()
	e.outside = append(e.outside, what)
}

// touch records an access of the running transition to obj.
func (e *execution) touch(obj any) {
	e.lock()
	defer e.mu.Unlock()
	if e.aborting || e.ended || e.cur == nil || !comparable(obj) {
		return
	}
	e.flush()
	e.access(obj, true, true, true)
}
