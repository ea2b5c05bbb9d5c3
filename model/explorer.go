package model

import (
	"fmt"
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/internal/goid"
	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/thread"
)

// running is set while an Explore or Replay runs: there is one scheduler
// for the whole process. current is that explorer.
var (
	running atomic.Bool
	current atomic.Pointer[explorer]
)

// nestedMessage is what a call of Explore or Replay from another goroutine
// is told while another one runs.
const nestedMessage = "model: Explore or Replay called while another one runs (inside the explored function, or from a parallel test): run model tests one at a time, without t.Parallel"

// explorer is one Explore or Replay call.
type explorer struct {
	cfg      config
	f        func()
	exec     atomic.Pointer[execution]
	prevHook func(*thread.PanicError)
	outside  outsideLog
	deadline time.Time     // of the Budget; zero: none
	search   search        // the runs, one after another (search.go)
	over     chan struct{} // closed when the search is over and its last run unwound
	finished chan struct{} // closed when the exploration is over
	tick     *time.Ticker  // the stall watch's
	workers  workers       // the goroutines that run managed threads
	spare    scratch       // storage of the last run, for the next
	branches branches      // storage of the branches the search forgot
	// Where an object was made costs a look at the stack, and only a report
	// shows it: constructors record it (sched.RecordSite) only while sites
	// is set, in the run that is reported; unsited says that an object of
	// the run in progress was made without.
	sites   atomic.Bool
	unsited atomic.Bool
	cut     int // runs cut at the step limit (steplimit.go)
}

func begin(cfg config, f func()) *explorer {
	if !running.CompareAndSwap(false, true) {
		if x := current.Load(); x != nil {
			x.rejectNested()
		}
		panic(nestedMessage)
	}
	if sched.Active() != nil {
		running.Store(false)
		panic("model: another deterministic scheduler is installed; the explorer needs the seam to itself")
	}
	x := &explorer{cfg: cfg, f: f, over: make(chan struct{}), finished: make(chan struct{}), tick: stallTick(cfg.stall)}
	if cfg.budget > 0 {
		x.deadline = time.Now().Add(cfg.budget)
	}
	x.prevHook = thread.SetPanicHook(x.onPanic)
	sched.Install(hook{x})
	current.Store(x)
	return x
}

// rejectNested ends the run in progress with a failure of kind "nested"
// and unwinds the caller, when the caller is the running thread of that
// run: the explored function called Explore or Replay. It returns when the
// caller is another goroutine.
func (x *explorer) rejectNested() {
	e := x.exec.Load()
	if e == nil {
		return
	}
	e.mu.Lock()
	mine := e.cur != nil && e.cur.goid == goid.Current() && !e.ended && !e.aborting
	e.mu.Unlock()
	if !mine {
		return
	}
	e.failWith(KindNested, "model: Explore or Replay called while another one runs, from inside the function it explores: an explorer does not run inside another")
	e.lock()
	e.checkLive() // the run is over: unwinds the caller
}

func (x *explorer) stop() {
	defer close(x.finished)
	defer x.tick.Stop()
	defer x.workers.close()
	sched.Install(nil)
	thread.SetPanicHook(x.prevHook)
	current.Store(nil)
	running.Store(false)
}

// runAll runs the runs of s, and returns when s has none left and every
// thread of the last is unwound. A driver goroutine runs them, one after
// another; this one watches it for a stall (stall.go).
func (x *explorer) runAll(s search) {
	x.search = s
	e := x.startRun()
	if e == nil {
		return
	}
	go x.drive(e, 0, e.threads[0])
	x.await()
}

// startRun starts the search's next run, as far as its first thread having
// the turn; nil when the search is over.
func (x *explorer) startRun() *execution {
	path, ch, ok := x.search.next()
	if !ok {
		return nil
	}
	e := newExecution(x, path, ch)
	x.unsited.Store(false)
	x.exec.Store(e)
	e.start(x.f)
	return e
}

// endRun gives the search what the run e found, once every thread of it is
// unwound.
func (x *explorer) endRun(e *execution) {
	x.exec.Store(nil)
	e.recycle()
	if e.failure != nil {
		e.failure.Schedule = encodeSchedule(e.path[:min(e.pos, len(e.path))], x.cfg.idleTimers)
		if e.failure.Kind != KindNondeterministic {
			e.failure.Report += fmt.Sprintf("\nreplay: model.Replay(%q, f)\n", e.failure.Schedule)
		}
	}
	x.search.ran(e)
	x.outside.add(e.outside)
	if e.cut {
		x.cut++
	}
}

// addCutTo gives r the count of runs cut at the step limit.
func (x *explorer) addCutTo(r *Result) {
	if r.Cut = x.cut; r.Cut > 0 {
		r.Exhaustive = false
	}
}

func (x *explorer) explore() Result {
	s := newExploration(x)
	x.runAll(s)
	x.outside.addTo(&s.r)
	x.addCutTo(&s.r)
	return s.r
}

func (x *explorer) onPanic(pe *thread.PanicError) {
	if _, ok := pe.Value.(abortSignal); ok {
		return
	}
	if e := x.exec.Load(); e != nil {
		e.mu.Lock()
		if e.cur != nil && !e.ended {
			e.flush()
			e.fail(e.threadPanicFailure(e.cur, pe))
		}
		e.mu.Unlock()
	}
}

// overBudget reports whether the Budget of wall-clock time is spent.
func (x *explorer) overBudget() bool {
	return !x.deadline.IsZero() && time.Now().After(x.deadline)
}
