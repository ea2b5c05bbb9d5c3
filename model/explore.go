package model

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/thread"
)

// Result is what an exploration found.
type Result struct {
	Schedules  int      // how many schedules (runs of the function) were tried
	Exhaustive bool     // every schedule was tried (within the preemption bound, if one was set)
	Failure    *Failure // the first failure found, or nil

	// Outside counts the operations that the explorer saw but does not
	// control (a channel made by code that was not rewritten, say). When
	// it is not zero, the search is not exhaustive, whatever it covered.
	Outside int
	// OutsideNotes describes the first few of those, different ones only.
	OutsideNotes []string
}

// Failure is a schedule that breaks the function under test.
type Failure struct {
	// Kind is "deadlock" (no thread can go on while some are blocked),
	// "leak" (the function under test returned, and threads it started
	// can never end), "panic" (the function or a thread it started panicked: under the
	// explorer a panic is a failed assertion, even where Join would return
	// it as a value), "livelock" (a run made MaxSteps decisions without
	// ending), "nondeterministic" (the function did not take the same
	// decisions when given the same schedule) or "invalid schedule" (Replay
	// was given a string that is not a schedule).
	Kind string
	// Report is for people: the panic value and stack, or what each blocked
	// thread waits for and its stack, then the steps that led there and the
	// call that replays the schedule.
	Report string
	// Schedule replays the failure with Replay.
	Schedule string
}

// Kinds of failure.
const (
	KindDeadlock         = "deadlock"
	KindLeak             = "leak"
	KindPanic            = "panic"
	KindLivelock         = "livelock"
	KindNondeterministic = "nondeterministic"
	KindInvalidSchedule  = "invalid schedule"
)

// Error returns the first line of the report.
func (f *Failure) Error() string {
	first, _, _ := strings.Cut(f.Report, "\n")
	return "model: " + first
}

// String returns the report.
func (f *Failure) String() string { return f.Report }

// running is set while an Explore or Replay runs: there is one scheduler
// for the whole process.
var running atomic.Bool

// Explore runs f under every schedule it can afford and returns what it
// found. Inside f, threads started with thread.Spawn, thread.Go, SpawnWith
// and Scope run one at a time, and every operation on a fearless type
// (lock, unlock, send, receive, close, condvar, barrier, atomic load and
// store, spawn, join, sleep, yield) is a point where another thread may be
// chosen. Each run of f ends in success, a panic or a deadlock; Explore
// stops at the first failure.
//
// By default, Explore searches depth first with partial-order reduction
// (so that two orders of independent operations are not both tried) and no
// preemption bound, on half the MaxSchedules budget; if that does not cover
// every schedule, it spends the rest on PCT with depth 3. PreemptionBound
// alone asks for a depth-first search only, PCT alone for PCT only.
//
// f must be deterministic apart from the schedule: the same decisions must
// lead it to the same operations (no wall-clock time, randomness, map
// iteration order or goroutines started with the go statement that use
// fearless types). Time is modelled: sleeps and timeouts do not wait, a
// timeout fires when no thread could run otherwise or when the search
// tries it against a wake-up it races with. Blocking on a Go channel or a
// sync.Mutex held by another thread hangs the search: inside f, block only
// through fearless types.
//
// Explore panics if another Explore or Replay is running, in this
// goroutine (a nested call inside f) or in another: model tests must not
// call t.Parallel. While it runs, the thread panic hook is replaced (a
// panic in a thread is part of the report instead).
func Explore(f func(), opts ...Option) Result {
	if f == nil {
		panic("model: Explore needs a function to explore, got nil")
	}
	x := begin(newConfig(opts), f)
	defer x.stop()
	return x.explore()
}

// Check explores f as Explore does and fails the test with the report
// (which ends with the call that replays the failing schedule) when a
// schedule breaks f. It logs how many schedules it tried.
func Check(t testing.TB, f func(), opts ...Option) {
	t.Helper()
	r := Explore(f, opts...)
	if r.Failure != nil {
		t.Fatalf("model: %d schedule(s) tried; %s", r.Schedules, r.Failure.Report)
	}
	t.Logf("model: %d schedule(s) tried, exhaustive: %v, no failure", r.Schedules, r.Exhaustive)
}

// Replay runs f once along schedule, the Schedule of a Failure, and
// returns what happened: the same failure, every time, as long as f has not
// changed. A string that is not a schedule gives a failure of kind
// "invalid schedule"; a schedule that f does not follow (it was recorded
// for another function, or f changed) one of kind "nondeterministic".
func Replay(schedule string, f func()) Result {
	if f == nil {
		panic("model: Replay needs a function to run, got nil")
	}
	path, idle, err := parseSchedule(schedule)
	if err != nil {
		return Result{Failure: &Failure{Kind: KindInvalidSchedule, Report: err.Error(), Schedule: schedule}}
	}
	cfg := newConfig(nil)
	cfg.idleTimers = idle
	cfg.maxSteps = max(cfg.maxSteps, len(path)) // a schedule recorded with a larger MaxSteps
	x := begin(cfg, f)
	defer x.stop()
	e := x.run(path, replayChooser{})
	r := Result{Schedules: 1, Failure: e.failure}
	x.outside.addTo(&r)
	if r.Failure == nil && e.pos < len(path) {
		r.Failure = &Failure{Kind: KindNondeterministic, Schedule: schedule, Report: fmt.Sprintf(
			"nondeterministic: the function ended after %d decisions, but the schedule has %d: it was recorded for another function, or the function changed",
			e.pos, len(path))}
	}
	return r
}

// explorer is one Explore or Replay call.
type explorer struct {
	cfg      config
	f        func()
	exec     atomic.Pointer[execution]
	prevHook func(*thread.PanicError)
	outside  outsideLog
	deadline time.Time     // of the Budget; zero: none
	finished chan struct{} // closed when the exploration is over
}

func begin(cfg config, f func()) *explorer {
	if !running.CompareAndSwap(false, true) {
		panic("model: Explore or Replay called while another one runs (inside the explored function, or from a parallel test): run model tests one at a time, without t.Parallel")
	}
	if sched.Active() != nil {
		running.Store(false)
		panic("model: another deterministic scheduler is installed; the explorer needs the seam to itself")
	}
	x := &explorer{cfg: cfg, f: f, finished: make(chan struct{})}
	if cfg.budget > 0 {
		x.deadline = time.Now().Add(cfg.budget)
	}
	x.prevHook = thread.SetPanicHook(x.onPanic)
	sched.Install(hook{x})
	return x
}

func (x *explorer) stop() {
	defer close(x.finished)
	sched.Install(nil)
	thread.SetPanicHook(x.prevHook)
	running.Store(false)
}

// run runs f once along path (forced) and then ch's decisions.
func (x *explorer) run(path []*branch, ch chooser) *execution {
	e := newExecution(x, path, ch)
	x.exec.Store(e)
	e.start(x.f)
	x.exec.Store(nil)
	x.outside.add(e.outside)
	if e.failure != nil {
		e.failure.Schedule = encodeSchedule(e.path[:min(e.pos, len(e.path))], x.cfg.idleTimers)
		if e.failure.Kind != KindNondeterministic {
			e.failure.Report += fmt.Sprintf("\nreplay: model.Replay(%q, f)\n", e.failure.Schedule)
		}
	}
	return e
}

func (x *explorer) explore() (r Result) {
	defer x.outside.addTo(&r)
	budget := x.cfg.maxSchedules
	usePCT := x.cfg.pct > 0 || !x.cfg.boundSet
	useDFS := x.cfg.pct == 0 || x.cfg.boundSet
	if useDFS {
		dfsBudget := budget
		if usePCT {
			dfsBudget = max(1, budget/2)
		}
		d := &dfs{bound: x.cfg.bound}
		var ch chooser = dfsChooser{}
		if x.cfg.noReduction {
			ch = fullChooser{}
		}
		for r.Schedules < dfsBudget && !x.overBudget() {
			e := x.run(d.path, ch)
			r.Schedules++
			if e.failure != nil {
				r.Failure = e.failure
				return r
			}
			d.path = e.path
			if !d.advance() {
				r.Exhaustive = true
				return r
			}
		}
	}
	if usePCT {
		depth := x.cfg.pct
		if depth == 0 {
			depth = defaultPCTDepth
		}
		p := newPCT(depth, x.cfg.seed)
		for r.Schedules < budget && !x.overBudget() {
			p.reset()
			e := x.run(nil, p)
			r.Schedules++
			if e.failure != nil {
				r.Failure = e.failure
				return r
			}
			p.k = max(p.k, e.decisions)
		}
	}
	return r
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

// hook is what the explorer installs in the seam: every call goes to the
// run in progress.
type hook struct{ x *explorer }

func (h hook) Point(op sched.Op, obj any) {
	if e := h.x.exec.Load(); e != nil {
		e.point(op, obj)
	}
}

func (h hook) Go(f func()) {
	if e := h.x.exec.Load(); e != nil {
		e.spawn(f, "")
		return
	}
	panic("model: a thread was started outside the explored function while Explore runs; do not run model tests in parallel with others")
}

func (h hook) Park(p *sched.Parker, ctx context.Context, timeout time.Duration) error {
	if e := h.x.exec.Load(); e != nil {
		return e.park(p, ctx, timeout)
	}
	panic("model: a fearless operation blocked outside the explored function while Explore runs; do not run model tests in parallel with others")
}

func (h hook) Unpark(p *sched.Parker) {
	if e := h.x.exec.Load(); e != nil {
		e.unpark(p)
	}
}

func (h hook) Now() time.Time {
	if e := h.x.exec.Load(); e != nil {
		return e.nowTime()
	}
	return time.Now()
}

func (h hook) Load(loc any, ord int, initial any) any {
	if e := h.x.exec.Load(); e != nil {
		return e.load(loc, ord, initial)
	}
	return initial
}

func (h hook) Store(loc any, ord int, v any, initial any) {
	if e := h.x.exec.Load(); e != nil {
		e.store(loc, ord, v, initial)
	}
}

func (h hook) Update(loc any, success, failure int, initial any, f func(old any) (any, bool)) any {
	if e := h.x.exec.Load(); e != nil {
		return e.update(loc, success, failure, initial, f)
	}
	return initial // no run in progress: nothing to update
}

func (h hook) Run() uint64 {
	if e := h.x.exec.Load(); e != nil {
		return e.id
	}
	return 0
}

func (h hook) Choose(n int) int {
	if e := h.x.exec.Load(); e != nil {
		return e.choose(n)
	}
	return 0
}

func (h hook) GoDaemon(f func(), label string) {
	if e := h.x.exec.Load(); e != nil {
		e.spawn(f, label)
		return
	}
	panic("model: a goroutine was started outside the explored function while Explore runs; do not run model tests in parallel with others")
}

func (h hook) Fail(kind, report string) {
	if e := h.x.exec.Load(); e != nil {
		e.failWith(kind, report)
	}
}

func (h hook) Label(name string) {
	if e := h.x.exec.Load(); e != nil {
		e.mu.Lock()
		e.cur.label = name
		e.mu.Unlock()
	}
}

func (h hook) Outside(what string) {
	if e := h.x.exec.Load(); e != nil {
		e.noteOutside(what)
	}
}

// overBudget reports whether the Budget of wall-clock time is spent.
func (x *explorer) overBudget() bool {
	return !x.deadline.IsZero() && time.Now().After(x.deadline)
}
