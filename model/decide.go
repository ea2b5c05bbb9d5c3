package model

import (
	"context"
	"fmt"
	"slices"

	"github.com/fearlessgo/fearless/internal/sched"
)

// The decision path: at the end of each transition, which thread runs
// next (or which value a load reads), forced by the schedule being
// replayed or taken fresh by the chooser.

// choices is the schedule of a run: every decision, thread or value, in
// order. Positions before len(path) when the run starts are forced; later
// ones are chosen by chooser and appended.
type choices struct {
	path      []*branch
	pos       int
	chooser   chooser
	dpor      bool // chooser.dpor(), asked once
	preempts  int
	decisions int
	// lastProgress is the decision at which a goroutine last started or
	// ended, or an object was first touched (steplimit.go).
	lastProgress int
	steps        []step // what each transition did, for reports

	lists    // decide's, reused by the next decision and the next run
	decision decision
}

// lists is the storage of the lists decide makes, which no decision keeps.
type lists struct {
	runBuf, timBuf, candBuf, availBuf, awakeBuf, awakeRunBuf []int
	sleepExec                                                []*sleeper // sleep.go's
	order                                                    []*mthread // abortAll's
}

// fairRun is how many decisions in a row may pick one thread while others
// could run: past it the thread is made to yield, as a fair operating
// system would make it, so that a thread spinning without yielding cannot
// starve the one it waits for.
const fairRun = 1000

// maxYieldStreak is how many times in a row the search may let a thread go
// on right after it yielded while others could run.
const maxYieldStreak = 1

// decide ends the transition of t, the running thread, picks the thread
// that runs next and begins its transition. It returns nil when the run is
// over. e.mu is held.
func (e *execution) decide(t *mthread) *mthread {
	e.flush()
	e.endTransition()
	if e.ended {
		return nil
	}
	e.decisions++
	if e.decisions > e.x.cfg.maxSteps {
		e.reachStepLimit()
		return nil
	}
	e.wakeCancelled()
	forceTimer := false
	draining := e.usersDone()
	run, tim := e.runBuf[:0], e.timBuf[:0]
	for _, th := range e.threads {
		switch {
		case th.status == runnable:
			run = append(run, th.id)
		case th.status == timed && !(draining && th.drained):
			tim = append(tim, th.id)
		}
	}
	if len(run) == 0 && e.idleWaiting > 0 && !e.timeoutDue(tim) {
		run = e.wakeIdle(run)
	}
	e.runBuf, e.timBuf = run, tim // reused by the next decision: nothing keeps them
	if draining && len(run)+len(tim) == 0 {
		e.end() // only goroutines that serve others are left, each fired once
		return nil
	}
	e.sinceFire++
	spinning := e.sinceFire > spinAllowance && len(tim) > 0
	if !e.x.cfg.idleTimers {
		tim = e.fairTimeouts(run, tim)
	} else {
		tim = e.idleTimeouts(len(run) > 0 && !spinning, tim)
	}
	if spinning && len(tim) > 0 {
		// Goroutines that never block (a loop around a select with a
		// default, say) take real time: past the allowance, a timeout
		// fires while they could still run.
		run, forceTimer = nil, true
	}
	on := t.status == runnable && !forceTimer // t could go on: choosing another preempts it
	yielding := t.yielding
	t.yielding = false
	avoid := -1
	if on && len(run) > 1 && (yielding || t.runLen >= fairRun) {
		on = false
		yielding = true
		if t.yieldStreak < maxYieldStreak {
			// A yield is a hint: the search goes on with another thread,
			// but may still try the yielder, a bounded number of times in
			// a row so that a spin loop that yields stays finite.
			avoid = t.id
		} else {
			// t may go on only once another thread has run a transition:
			// that transition enables t's next one, which partial-order
			// reduction must know as a dependency between the two.
			run = without(run, t.id) // in place
			e.yielder = t
			t.afterYield = true
		}
	}
	if yielding {
		t.caught = e.storeSeq // a yield lets the thread catch up with memory
	}
	if len(run)+len(tim) == 0 {
		e.finishRun()
		return nil
	}
	e.candBuf = merge(e.candBuf[:0], run, tim)
	d := &e.decision // not kept past the decision: reused
	*d = decision{cands: e.candBuf, runnable: run, prev: t}
	if avoid >= 0 {
		d.runnable = without(append(e.availBuf[:0], run...), avoid)
		e.availBuf = d.runnable
	}
	switch {
	case on:
		d.def = t.id
	case len(d.runnable) > 0:
		d.def = d.runnable[0]
		for _, id := range d.runnable {
			if id > t.id {
				d.def = id
				break
			}
		}
	default:
		d.def = tim[0]
		for _, id := range tim {
			if e.threads[id].deadline < e.threads[d.def].deadline {
				d.def = id
			}
		}
	}
	choice, ok := e.chooseThread(d, on)
	if !ok {
		return nil
	}
	if on && choice != t.id {
		e.preempts++
	}
	next := e.threads[choice]
	e.countFire(next, run)
	if next.status == timed && draining {
		next.drained = true
	}
	if next.status == timed {
		if f := e.countIdleFire(next); f != nil {
			e.failLater(f)
			return nil
		}
		e.fire(next)
	}
	if next == t {
		t.runLen++
		if yielding {
			t.yieldStreak++
		}
	} else {
		t.runLen, next.runLen = 0, 1
		t.yieldStreak = 0
	}
	e.begin(next, e.pos-1)
	return next
}

// begin starts the transition of t chosen at path position pos.
func (e *execution) begin(t *mthread, pos int) {
	e.trans = append(e.trans, pos)
	k := len(e.trans)
	e.curTrans = k
	e.cur = t
	e.lastOf[t.id] = k
	t.clock.set(t.id, k)
	t.mem.set(t.id, k)
	st := step{tid: t.id, op: t.op, obj: t.obj}
	if y := e.yielder; y != nil && y != t {
		e.yielder = nil
		e.access(yieldKey{y}, true, false, false)
	}
	if t.afterYield && e.yielder == nil {
		t.afterYield = false
		e.access(yieldKey{t}, true, false, false)
	}
	switch t.pend {
	case pendStart:
		st.op, st.obj = sched.OpStart, nil
		if t.id != 0 {
			e.access(t, true, false, true)
		}
	case pendPoint:
		if !t.op.Yields() {
			e.pendObj, e.pendSet = t.obj, true
		}
	case pendResume:
		st.resumed = true
		st.timedOut = t.result == context.DeadlineExceeded
		// The wake-up is enabled by whoever unparked: no race with it,
		// unless the park could also have ended by itself.
		e.accessState(e.parkerObj(t.parker), true, t.watched, true)
		if t.idleWoken {
			t.idleWoken = false
			e.globalAccess()
		}
		if t.obj != nil && !t.handedOver {
			e.access(t.obj, true, true, true)
		}
	}
	e.steps = append(e.steps, st)
}

// chooseThread takes the next decision: forced by the path, or fresh.
func (e *execution) chooseThread(d *decision, on bool) (int, bool) {
	pos := e.pos
	e.pos++
	if pos < len(e.path) {
		br := e.path[pos]
		switch {
		case br.value:
			e.fail(e.mismatchFailure(pos, "a choice of the value a load reads, but the function reached a choice of the thread to run"))
			return 0, false
		case !contains(d.cands, br.chosen):
			e.fail(e.mismatchFailure(pos, fmt.Sprintf("thread %d, which cannot run there (threads that can: %v)", br.chosen, d.cands)))
			return 0, false
		case br.cands != nil && !equal(br.cands, d.cands):
			e.fail(e.mismatchFailure(pos, fmt.Sprintf("a choice among threads %v, but threads %v can run", br.cands, d.cands)))
			return 0, false
		}
		if br.cands == nil {
			br.cands = slices.Clone(d.cands)
		}
		br.prev, br.prevOn, br.preempts = d.prev.id, on, e.preempts
		e.enterBranch(br)
		return br.chosen, true
	}
	if len(e.sleep) > 0 {
		// Sleeping threads are not chosen: their schedules were covered.
		awake, run := e.awakeBuf[:0], e.awakeRunBuf[:0]
		defer func() { e.awakeBuf, e.awakeRunBuf = awake, run }()
		for _, c := range d.cands {
			if !asleep(e.sleep, c) {
				awake = append(awake, c)
				if contains(d.runnable, c) {
					run = append(run, c)
				}
			}
		}
		if len(awake) == 0 {
			e.redundant = true
			e.end()
			return 0, false
		}
		if !contains(awake, d.def) {
			d.def = awake[0]
			if len(run) > 0 {
				d.def = run[0]
			}
		}
		d.runnable = run
	}
	c := e.chooser.pickThread(e, d)
	br := e.x.branches.get()
	br.prev, br.prevOn, br.preempts, br.chosen = d.prev.id, on, e.preempts, c
	br.cands = append(br.candBuf[:0:len(br.candBuf)], d.cands...)
	br.done.add(c)
	if _, full := e.chooser.(fullChooser); full {
		for _, id := range d.cands {
			br.todo.add(id)
		}
	}
	e.path = append(e.path, br)
	e.enterBranch(br)
	return c, true
}

// chooseValue picks which of n stores a load reads: 0 is the newest.
func (e *execution) chooseValue(n int) int {
	pos := e.pos
	e.pos++
	if pos < len(e.path) {
		br := e.path[pos]
		switch {
		case !br.value:
			e.fail(e.mismatchFailure(pos, "a choice of the thread to run, but the function reached a load that may read one of several stores"))
			return 0
		case br.chosen >= n:
			e.fail(e.mismatchFailure(pos, fmt.Sprintf("the store %d back, but the load may read only %d", br.chosen, n)))
			return 0
		}
		br.n = n
		return br.chosen
	}
	c := e.chooser.pickValue(e, n)
	br := e.x.branches.get()
	br.value, br.n, br.chosen = true, n, c
	e.path = append(e.path, br)
	return c
}

type decision struct {
	cands    []int // threads that may be chosen, ascending: runnable and timed ones
	runnable []int // those not waiting for a timeout
	def      int   // the choice that preempts nobody and fires no timeout early
	prev     *mthread
}
