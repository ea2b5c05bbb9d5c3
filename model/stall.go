package model

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/fearlessgo/fearless/internal/goid"
	"github.com/fearlessgo/fearless/internal/sched"
)

// What the explorer does about code it does not control: a thread that
// blocks or runs on without calling into the explorer (a plain Go channel
// or sync.Mutex, a syscall, a long computation), and a goroutine the
// explorer did not start that calls into it (a go statement in code that
// was not rewritten). Either ends the exploration with a failure of kind
// "outside" that says what happened and where, instead of hanging or being
// killed by Go's deadlock detector, and the result is not exhaustive.

// KindOutside is the kind of failure for code the explorer does not control.
const KindOutside = "outside"

// stallTick is the ticker the stall watch of one exploration reads: one for
// all its runs, whose period is a tenth of the stall timeout.
func stallTick(stall time.Duration) *time.Ticker {
	return time.NewTicker(max(stall/10, time.Millisecond))
}

// defaultStall is how long a thread may go without calling into the
// explorer before it is taken as blocked outside it.
const defaultStall = 10 * time.Second

// lock takes e.mu, counting the call for the stall watch.
func (e *execution) lock() {
	e.mu.Lock()
	e.calls++
}

// await waits for the search to be over and its last run unwound,
// watching that the running thread keeps calling into the explorer.
func (x *explorer) await() {
	stall := x.cfg.stall
	var e *execution
	var last int64 // e's calls at the last tick
	since := time.Now()
	for {
		select {
		case <-x.over:
			return
		case now := <-x.tick.C:
			cur := x.exec.Load()
			var calls int64
			if cur != nil {
				cur.mu.Lock()
				calls = cur.calls
				cur.mu.Unlock()
			}
			if cur == nil || cur != e || calls != last || cur.reporting.Load() {
				e, last, since = cur, calls, now
			} else if now.Sub(since) >= stall {
				e.stalled(stall)
				since = now
			}
		}
	}
}

// stalled abandons the running thread, which has not called into the
// explorer for d, and starts a driver of the next generation to unwind the
// others and go on with the search. The run, unless it was over already,
// ends with a failure.
func (e *execution) stalled(d time.Duration) {
	e.mu.Lock()
	if e.unwound {
		e.mu.Unlock()
		return // the driver got out and is done with the run
	}
	t := e.cur
	t.stuck = true
	gen := e.gen.Add(1)
	if !e.ended {
		var b strings.Builder
		fmt.Fprintf(&b, "outside: %s has run for %v without reaching an operation the explorer controls: it is blocked, or busy, in code the explorer does not control (a plain Go channel or sync lock that fearless test did not rewrite, a syscall, cgo, or a long computation; StallTimeout sets how long to wait)\n\n", t.displayName(), d)
		writeStack(&b, goroutineTrace(t.goid))
		b.WriteString("\n")
		b.WriteString(e.stepLines())
		e.fail(&Failure{Kind: KindOutside, Report: b.String()})
	}
	e.mu.Unlock()
	go e.x.drive(e, gen, nil)
}

// foreignSample is how often, in calls, Point and Park check their caller:
// reading a goroutine's id takes a stack trace, far too costly for every
// switch point. A goroutine that is not the explorer's and keeps calling in
// is caught within that many calls; one that hangs the search is caught by
// the stall watch.
const foreignSample = 64

// checkForeign stops a goroutine that the explorer did not start and that
// calls into it. e.mu is held; for such a caller it is released, the run
// ends with a failure, and the caller waits for the exploration to end,
// then leaves by runtime.Goexit.
func (e *execution) checkForeign(op sched.Op) {
	t := e.cur
	if t == nil || t.goid == 0 || goid.Current() == t.goid {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "outside: a goroutine that the explorer did not start calls %s: it was started by a go statement in code that fearless test did not rewrite, or outside the explored function; the explorer cannot schedule it\n\n", op)
	writeStack(&b, string(debug.Stack()))
	b.WriteString("\n")
	b.WriteString(e.stepLines())
	e.fail(&Failure{Kind: KindOutside, Report: b.String()})
	finished := e.x.finished
	e.mu.Unlock()
	<-finished
	runtime.Goexit()
}

// goroutineTrace returns the trace of the goroutine with the given id.
func goroutineTrace(id uint64) string {
	buf := make([]byte, 1<<20)
	all := string(buf[:runtime.Stack(buf, true)])
	head := fmt.Sprintf("goroutine %d [", id)
	for _, g := range strings.Split(all, "\n\n") {
		if strings.HasPrefix(g, head) {
			return g
		}
	}
	return ""
}
