package model

import (
	"fmt"
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/thread"
)

// running is set while an Explore or Replay runs: there is one scheduler
// for the whole process.
var running atomic.Bool

// explorer is one Explore or Replay call.
type explorer struct {
	cfg      config
	f        func()
	exec     atomic.Pointer[execution]
	prevHook func(*thread.PanicError)
	outside  outsideLog
	deadline time.Time     // of the Budget; zero: none
	finished chan struct{} // closed when the exploration is over
	tick     *time.Ticker  // the stall watch's
	workers  workers       // the goroutines that run managed threads
	spare    scratch       // storage of the last run, for the next
	branches branches      // storage of the branches the search forgot
}

func begin(cfg config, f func()) *explorer {
	if !running.CompareAndSwap(false, true) {
		panic("model: Explore or Replay called while another one runs (inside the explored function, or from a parallel test): run model tests one at a time, without t.Parallel")
	}
	if sched.Active() != nil {
		running.Store(false)
		panic("model: another deterministic scheduler is installed; the explorer needs the seam to itself")
	}
	x := &explorer{cfg: cfg, f: f, finished: make(chan struct{}), tick: stallTick(cfg.stall)}
	if cfg.budget > 0 {
		x.deadline = time.Now().Add(cfg.budget)
	}
	x.prevHook = thread.SetPanicHook(x.onPanic)
	sched.Install(hook{x})
	return x
}

func (x *explorer) stop() {
	defer close(x.finished)
	defer x.tick.Stop()
	defer x.workers.close()
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
	defer e.recycle()
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
		d := &dfs{bound: x.cfg.bound, spare: &x.branches}
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

// overBudget reports whether the Budget of wall-clock time is spent.
func (x *explorer) overBudget() bool {
	return !x.deadline.IsZero() && time.Now().After(x.deadline)
}
