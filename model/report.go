package model

import (
	"fmt"
	"strings"

	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/thread"
)

// outcome is how a run ended, and what its report needs.
type outcome struct {
	failure *Failure
	report  func() *Failure // builds the failure once every thread's stack is known (failLater)
	labels  map[any]int     // object -> its rank in the report
	outside []string        // operations outside the explorer's control, as described
	cut     bool            // the run was cut at the step limit (steplimit.go)
}

// A step is one transition of a run, for reports.
type step struct {
	tid      int
	op       sched.Op
	obj      any
	resumed  bool // it goes on after Park returned
	timedOut bool // ... because its timeout fired
	blocks   bool // it ends by parking
	notes    []string
}

// failLater ends the run with the failure report will build once the
// driver has every thread's stack. Until the driver has built it, the
// stall watch does not count the time: no thread runs meanwhile.
func (e *execution) failLater(report func() *Failure) {
	e.report = report
	e.reporting.Store(true)
	e.end()
}

// note adds a remark to the running transition's step.
func (e *execution) note(s string) {
	if n := len(e.steps); n > 0 {
		e.steps[n-1].notes = append(e.steps[n-1].notes, s)
	}
}

// shownSteps is how many of the last steps a report lists.
const shownSteps = 60

// label names an object in a report: its type and its rank among the
// objects of the run, in the order the steps first touch them.
func (e *execution) label(obj any) string {
	if obj == nil {
		return ""
	}
	if !comparable(obj) {
		return fmt.Sprintf("%T", obj)
	}
	if t := e.handles[obj]; t != nil {
		return fmt.Sprintf("the JoinHandle of thread %d", t.id)
	}
	if l, ok := obj.(sched.Labeled); ok {
		return l.SchedLabel()
	}
	n, ok := e.labels[obj]
	if !ok {
		n = len(e.labels) + 1
		e.labels[obj] = n
	}
	return fmt.Sprintf("%T#%d", obj, n)
}

// rankLabels numbers the objects of the run in the order the steps first
// touch them; call it before labelling anything.
func (e *execution) rankLabels() {
	for _, s := range e.steps {
		e.label(s.obj)
	}
}

func (e *execution) stepLines() string {
	e.rankLabels()
	var b strings.Builder
	from := max(0, len(e.steps)-shownSteps)
	if from > 0 {
		fmt.Fprintf(&b, "steps (the last %d of %d):\n", len(e.steps)-from, len(e.steps))
	} else {
		fmt.Fprintf(&b, "steps (%d):\n", len(e.steps))
	}
	for i := from; i < len(e.steps); i++ {
		s := e.steps[i]
		what := string(s.op)
		switch {
		case s.resumed && s.timedOut:
			what = "times out in " + what
		case s.resumed:
			what = "wakes up in " + what
		}
		if l := e.label(s.obj); l != "" {
			what += " " + l
		}
		if s.blocks {
			what += ": blocks"
		}
		fmt.Fprintf(&b, "  %4d  thread %d  %s\n", i+1, s.tid, what)
		for _, n := range s.notes {
			fmt.Fprintf(&b, "              (%s)\n", n)
		}
	}
	return b.String()
}

// lastOn lists the last few steps of other threads on obj.
func (e *execution) lastOn(obj any, not int) string {
	if !comparable(obj) {
		return ""
	}
	var out []string
	for i := len(e.steps) - 1; i >= 0 && len(out) < 3; i-- {
		if s := e.steps[i]; s.tid != not && comparable(s.obj) && s.obj == obj {
			out = append(out, fmt.Sprintf("thread %d %s (step %d)", s.tid, s.op, i+1))
		}
	}
	return strings.Join(out, ", ")
}

func (e *execution) waitLine(t *mthread) string {
	switch t.status {
	case finished:
		return t.displayName() + " has ended"
	case runnable:
		return fmt.Sprintf("%s can run, at %s %s", t.displayName(), t.op, e.label(t.obj))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s waits", t.displayName())
	if t.status == timed {
		fmt.Fprintf(&b, " (with a timeout)")
	}
	if h := e.handles[t.obj]; comparable(t.obj) && h != nil && t.op == sched.OpJoin {
		fmt.Fprintf(&b, " in join for thread %d to end", h.id)
		if h.status != finished {
			fmt.Fprintf(&b, " (it is blocked too)")
		}
	} else {
		fmt.Fprintf(&b, " in %s", t.op)
		if l := e.label(t.obj); l != "" {
			fmt.Fprintf(&b, " on %s", l)
		}
		if last := e.lastOn(t.obj, t.id); last != "" {
			fmt.Fprintf(&b, "\n    last operations on it by other threads: %s", last)
		}
	}
	return b.String()
}

func (e *execution) deadlockFailure() *Failure {
	return e.blockedFailure(KindDeadlock, "deadlock: no thread can go on, %d of %d blocked forever, after %d steps")
}

func (e *execution) leakFailure() *Failure {
	return e.blockedFailure(KindLeak, "leak: the function under test returned, but %d of the %d threads it started can never end, after %d steps")
}

// blockedFailure reports the threads that can never end: what each waits
// for, where, and the steps that led there. headline takes the number of
// those threads, of all threads, and of steps.
func (e *execution) blockedFailure(kind, headline string) *Failure {
	e.rankLabels()
	var b strings.Builder
	n, all := 0, 0
	for _, t := range e.threads {
		if t.daemon == "" && !(t.id == 0 && t.label != "") { // timers and fearless test's driver do not count
			all++
			if t.status != finished {
				n++
			}
		}
	}
	if kind == KindLeak {
		all-- // the function under test itself
	}
	fmt.Fprintf(&b, headline+"\n\n", n, all, len(e.steps))
	for _, t := range e.threads {
		if t.daemon != "" || (t.id == 0 && t.label != "") {
			continue // a timer, or the driver of a test that fearless test runs
		}
		fmt.Fprintf(&b, "%s\n", e.waitLine(t))
		if t.status != finished {
			writeStack(&b, t.stack)
		}
	}
	b.WriteString("\n")
	b.WriteString(e.stepLines())
	return &Failure{Kind: kind, Report: b.String()}
}

func (e *execution) livelockFailure() *Failure {
	e.rankLabels()
	var b strings.Builder
	fmt.Fprintf(&b, "livelock: the run made %d decisions without ending (raise MaxSteps if it is just long; a loop that waits for another thread should call thread.YieldNow)\n\n", e.x.cfg.maxSteps)
	for _, t := range e.threads {
		fmt.Fprintf(&b, "%s\n", e.waitLine(t))
		if t.status != finished {
			writeStack(&b, t.stack)
		}
	}
	b.WriteString("\n")
	b.WriteString(e.stepLines())
	return &Failure{Kind: KindLivelock, Report: b.String()}
}

func (e *execution) panicFailure(t *mthread, r any, stack []byte) *Failure {
	var b strings.Builder
	fmt.Fprintf(&b, "panic in %s: %v\n", t.displayName(), r)
	writeStack(&b, string(stack))
	b.WriteString("\n")
	b.WriteString(e.stepLines())
	return &Failure{Kind: KindPanic, Report: b.String()}
}

func (e *execution) threadPanicFailure(t *mthread, pe *thread.PanicError) *Failure {
	var b strings.Builder
	fmt.Fprintf(&b, "panic in %s: %v\n", t.displayName(), pe.Value)
	writeStack(&b, string(pe.Stack))
	b.WriteString("\n")
	b.WriteString(e.stepLines())
	return &Failure{Kind: KindPanic, Report: b.String()}
}

func (e *execution) mismatchFailure(pos int, what string) *Failure {
	return &Failure{Kind: KindNondeterministic, Report: fmt.Sprintf(
		"nondeterministic: decision %d of the schedule is %s.\n"+
			"The function did not take the same steps when run again along the same schedule: it depends on something the explorer does not control (wall-clock time, randomness, map order, goroutines started with the go statement, state kept between runs), or the schedule was recorded for another function.\n\n%s",
		pos+1, what, e.stepLines())}
}

// writeStack writes a goroutine trace without its header and without the
// frames of the explorer, the seam and the runtime, indented.
func writeStack(b *strings.Builder, trace string) {
	lines := strings.Split(strings.TrimRight(trace, "\n"), "\n")
	if len(lines) > 0 && strings.HasPrefix(lines[0], "goroutine ") {
		lines = lines[1:]
	}
	// A panic's trace starts with the frames that recovered it: show it
	// from the panicking call on.
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			lines = lines[min(i+2, len(lines)):]
			break
		}
	}
	wrote := false
	for i := 0; i < len(lines); i++ {
		fn := lines[i]
		file := ""
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") {
			file = lines[i+1]
			i++
		}
		if hiddenFrame(fn) || (strings.Contains(fn, ".Go.func") && strings.Contains(file, "/thread/spawn.go:")) || strings.Contains(file, "/gort/") {
			continue // the closure thread.Go wraps f in, wherever it was inlined
		}
		fn = withoutArgs(fn)
		fmt.Fprintf(b, "        %s\n", fn)
		if file != "" {
			fmt.Fprintf(b, "            %s\n", strings.TrimSpace(file))
		}
		wrote = true
	}
	if !wrote {
		b.WriteString("        (no stack)\n")
	}
}

func hiddenFrame(fn string) bool {
	for _, p := range []string{
		"github.com/fearlessgo/fearless/model.",
		"github.com/fearlessgo/fearless/gort.",
		"github.com/fearlessgo/fearless/gort/",
		"github.com/fearlessgo/fearless/internal/sched.",
		"runtime.",
		"runtime/debug.",
		"created by ",
		"github.com/fearlessgo/fearless/thread.enter(",
		"github.com/fearlessgo/fearless/thread.start[",
		"github.com/fearlessgo/fearless/thread.(*JoinHandle[...]).run(",
		"github.com/fearlessgo/fearless/thread.(*JoinHandle[...]).run.",
		"github.com/fearlessgo/fearless/internal/panics.",
		"iter.Pull[", // the coroutine a thread runs on
	} {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}

// withoutArgs drops the argument words the runtime prints after a function
// name ("f(0xc000012345, ...)"): they are addresses that change from run to
// run, and a report must read the same every time a schedule is replayed.
func withoutArgs(fn string) string {
	if !strings.HasSuffix(fn, ")") {
		return fn
	}
	i := strings.LastIndex(fn, "(")
	if i < 0 || i == len(fn)-2 {
		return fn
	}
	return fn[:i] + "(...)"
}
