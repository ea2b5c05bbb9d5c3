package model

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/internal/goid"
	"github.com/fearlessgo/fearless/internal/sched"
)

// fairRun is how many decisions in a row may pick one thread while others
// could run: past it the thread is made to yield, as a fair operating
// system would make it, so that a thread spinning without yielding cannot
// starve the one it waits for.
const fairRun = 1000

// maxYieldStreak is how many times in a row the search may let a thread go
// on right after it yielded while others could run.
const maxYieldStreak = 1

// An execution is one run of the function under test along one schedule.
//
// Its managed threads are goroutines that run one at a time: the running one
// (cur) calls into the execution at every Point, Park, Unpark, spawn and
// atomic operation, and hands the turn over through the wake channels. The
// mutex is held only inside those calls, never across a hand-over; it
// protects against the odd foreign caller (a garbage collector cleanup that
// closes a channel, say), since managed threads never overlap.
type execution struct {
	x *explorer

	mu       sync.Mutex
	threads  []*mthread
	cur      *mthread
	parkers  map[*sched.Parker]*parkState
	now      time.Duration // modelled time since the run began
	base     time.Time
	handles  map[any]*mthread // JoinHandle -> the thread it completes
	done     chan struct{}    // closed when the run is over
	ended    bool
	aborting bool
	failure  *Failure
	report   func() *Failure // builds the failure once every thread's stack is known

	// The schedule: every decision, thread or value, in order. Positions
	// before len(path) when the run starts are forced; later ones are
	// chosen by chooser and appended.
	path      []*branch
	pos       int
	chooser   chooser
	preempts  int
	decisions int
	steps     []step

	// Partial-order reduction and happens-before.
	trans    []int // transition k (1-based) -> position in path of the decision that chose it
	lastOf   []int // thread id -> its latest transition
	curTrans int
	objs     map[any]*objState
	pendObj  any // the running transition's Point object, not yet accessed (see flush)
	pendSet  bool
	global   objState // the last access that touched everything
	allClock vclock   // join of every clock published to an object
	allMem   vclock

	// Sleep sets.
	oid       map[any]int // object -> number, in the order first touched
	tacc      []accRec    // the running transition's accesses
	tglobal   bool
	sleep     []*sleeper // asleep after the last transition
	sleepExec []*sleeper // asleep while the running transition runs
	redundant bool       // abandoned: every thread that could go on was asleep

	// Weak memory.
	locs     map[any]*location
	storeSeq int

	labels map[any]int

	yielder *mthread // excluded by its yield until another thread runs

	id        uint64       // identifies the run (sched.Runner.Run)
	lateFires int          // timeouts fired after the function under test returned
	sinceFire int          // decisions since a timeout last fired
	calls     atomic.Int64 // calls into the execution: the driver watches them for a stall
	outside   []string     // operations outside the explorer's control, as described
}

// lateFireLimit is how many timeouts may fire after the function under test
// returned while goroutines it started are still alive: past it, those are
// reported as leaked (a goroutine woken only by a ticker never ends).
const lateFireLimit = 100

// spinAllowance is how many decisions may pass, under idle timers, while
// goroutines keep running without all blocking, before the earliest
// timeout fires anyway.
const spinAllowance = 1000

// runIDs numbers the runs of the process.
var runIDs atomic.Uint64

// yieldKey is the object through which the transition that runs after a
// yield enables the yielder's next one.
type yieldKey struct{ t *mthread }

func newExecution(x *explorer, path []*branch, ch chooser) *execution {
	return &execution{
		x:       x,
		parkers: map[*sched.Parker]*parkState{},
		base:    time.Now(),
		handles: map[any]*mthread{},
		done:    make(chan struct{}),
		path:    path,
		chooser: ch,
		objs:    map[any]*objState{},
		locs:    map[any]*location{},
		labels:  map[any]int{},
		oid:     map[any]int{},
		id:      runIDs.Add(1),
	}
}

func (e *execution) newThread() *mthread {
	t := &mthread{id: len(e.threads), wake: make(chan struct{}, 1), exited: make(chan struct{}), dumped: make(chan struct{})}
	e.threads = append(e.threads, t)
	e.lastOf = append(e.lastOf, 0)
	return t
}

// start runs f as thread 0 and returns when the run is over and every
// goroutine of it is gone.
func (e *execution) start(f func()) {
	e.lock() // a garbage collector cleanup may call Unpark already
	main := e.newThread()
	main.op = sched.OpStart
	e.begin(main, -1)
	e.mu.Unlock()
	go e.runThread(main, f, true)
	main.wake <- struct{}{}
	e.await()
	if e.report != nil {
		e.stacks()
		e.failure = e.report()
	}
	e.abortAll()
}

// runThread is the base of every managed goroutine.
func (e *execution) runThread(t *mthread, f func(), main bool) {
	defer close(t.exited)
	t.goid = goid.Current()
	e.waitTurn(t)
	e.lock()
	gone := e.aborting
	e.mu.Unlock()
	if gone {
		return
	}
	returned := false
	defer func() {
		if returned {
			e.threadEnd(t, nil, nil)
			return
		}
		r := recover()
		if _, ok := r.(abortSignal); ok {
			e.threadGone(t)
			return
		}
		if r == nil {
			if !main {
				// runtime.Goexit ends a goroutine as returning does.
				e.threadEnd(t, nil, nil)
				return
			}
			r = goexitValue{}
		}
		e.threadEnd(t, r, debug.Stack())
	}()
	f()
	returned = true
}

// goexitValue stands for a thread that left by runtime.Goexit (t.FailNow
// inside the function under test, say) instead of returning.
type goexitValue struct{}

func (goexitValue) String() string {
	return "runtime.Goexit was called (t.Fatal or t.FailNow inside the function under test?): the thread ended without returning"
}

// abortAll unwinds every goroutine of a run that is over, one at a time so
// that their deferred code never runs concurrently, and waits for each.
func (e *execution) abortAll() {
	e.lock()
	e.aborting = true
	order := []*mthread{e.cur}
	for _, t := range e.threads {
		if t != e.cur {
			order = append(order, t)
		}
	}
	e.mu.Unlock()
	for _, t := range order {
		if t.stuck {
			continue // blocked outside the explorer: it cannot be unwound
		}
		select {
		case t.wake <- struct{}{}:
		default:
		}
		e.awaitExit(t)
	}
}

// checkLive unwinds the caller when the run is over. e.mu is held; it is
// released only when the caller is unwound.
func (e *execution) checkLive() {
	if e.aborting || e.ended {
		e.mu.Unlock()
		panic(abortSignal{})
	}
}

// waitTurn blocks until t is handed the turn. Meanwhile, it answers the
// driver's requests for t's stack, which a report shows.
func (e *execution) waitTurn(t *mthread) {
	for range t.wake {
		if !t.dumpReq {
			return
		}
		t.dumpReq = false
		buf := make([]byte, 64<<10)
		t.stack = string(buf[:runtime.Stack(buf, false)])
		t.dumped <- struct{}{}
	}
}

// stacks collects the stack of every thread that has not ended. Only the
// driver calls it, once the run is over and every thread waits for a turn.
func (e *execution) stacks() {
	for _, t := range e.threads {
		if t.status != finished && !t.stuck {
			t.dumpReq = true
			t.wake <- struct{}{}
			<-t.dumped
		}
	}
}

// handoff gives the turn to next (nil: nobody, the run is over) and waits
// for the caller's own turn. e.mu is held and is released.
func (e *execution) handoff(t, next *mthread) {
	if next == t {
		e.mu.Unlock()
		return
	}
	e.mu.Unlock()
	if next != nil {
		next.wake <- struct{}{}
	}
	e.waitTurn(t)
	e.lock()
	gone := e.aborting
	e.mu.Unlock()
	if gone {
		panic(abortSignal{})
	}
}

func (e *execution) point(op sched.Op, obj any) {
	e.lock()
	e.checkLive()
	if e.calls.Load()%foreignSample == 0 {
		e.checkForeign(op)
	}
	t := e.cur
	t.op, t.obj, t.pend = op, obj, pendPoint
	t.yielding = op.Yields()
	next := e.decide(t)
	e.handoff(t, next)
}

func (e *execution) spawn(f func(), daemon string) {
	site := sched.Callers(1)
	e.lock()
	e.checkLive()
	t := e.cur
	e.flush()
	c := e.newThread()
	c.op, c.pend = sched.OpStart, pendStart
	c.site, c.daemon = site, daemon
	// The child's first transition happens after this one: it reads what
	// this one publishes under the child's own key.
	e.access(c, true, false, true)
	if t.op == sched.OpSpawn && comparable(t.obj) {
		c.handle = t.obj
		e.handles[t.obj] = c
	}
	e.mu.Unlock()
	go e.runThread(c, f, false)
}

func (e *execution) park(p *sched.Parker, ctx context.Context, timeout time.Duration) error {
	e.lock()
	e.checkLive()
	if e.calls.Load()%foreignSample == 0 {
		e.checkForeign("park")
	}
	t := e.cur
	e.flush()
	ps := e.parker(p)
	e.access(p, true, true, true)
	if ps.token {
		ps.token = false
		e.mu.Unlock()
		return nil
	}
	if ctx != nil && ctx.Done() == nil {
		ctx = nil
	}
	if ctx != nil {
		if err := ctx.Err(); err != nil && err != context.DeadlineExceeded {
			e.mu.Unlock()
			return err
		}
		// A context deadline is wall-clock time: turn it into modelled time.
		if dl, ok := ctx.Deadline(); ok {
			d := dl.Sub(e.base.Add(e.now))
			if d <= 0 {
				e.mu.Unlock()
				return context.DeadlineExceeded
			}
			if timeout <= 0 || d < timeout {
				timeout = d
			}
		}
	}
	ps.waiter = t
	t.parker, t.ctx, t.result = p, ctx, nil
	t.watched = timeout > 0 || ctx != nil
	t.status = blocked
	if timeout > 0 {
		t.status, t.deadline = timed, e.now+timeout
	}
	t.pend = pendResume
	if n := len(e.steps); n > 0 {
		e.steps[n-1].blocks = true
	}
	next := e.decide(t)
	e.handoff(t, next)
	return t.result
}

func (e *execution) unpark(p *sched.Parker) {
	e.lock()
	defer e.mu.Unlock()
	if e.aborting || e.ended || e.cur == nil {
		return
	}
	ps := e.parkers[p]
	if ps == nil {
		// Nobody parked on p in this run yet. It may be a parker of an
		// earlier run, unparked by a garbage collector cleanup that closes
		// a forgotten channel handle: that must not count as a step of
		// the running thread. Leave the token; a Park in this run takes it.
		e.parkers[p] = &parkState{token: true}
		return
	}
	e.flush()
	e.access(p, true, true, true)
	if w := ps.waiter; w != nil {
		ps.waiter = nil
		w.status, w.result, w.ctx = runnable, nil, nil
		return
	}
	ps.token = true
}

func (e *execution) parker(p *sched.Parker) *parkState {
	ps := e.parkers[p]
	if ps == nil {
		ps = &parkState{}
		e.parkers[p] = ps
	}
	return ps
}

// threadEnd records the end of t: returned (r == nil) or panicked with r.
func (e *execution) threadEnd(t *mthread, r any, stack []byte) {
	e.lock()
	if e.aborting || e.ended {
		t.status = finished
		e.mu.Unlock()
		return
	}
	e.flush()
	t.status = finished
	if r != nil {
		e.fail(e.panicFailure(t, r, stack))
		e.mu.Unlock()
		return
	}
	if t.handle != nil {
		e.access(t.handle, true, true, true)
	}
	next := e.decide(t)
	e.mu.Unlock()
	if next != nil {
		next.wake <- struct{}{}
	}
}

// threadGone records a thread unwound by abortAll.
func (e *execution) threadGone(t *mthread) {
	e.lock()
	t.status = finished
	e.mu.Unlock()
}

func (e *execution) fail(f *Failure) {
	if e.ended {
		return
	}
	e.failure = f
	e.end()
}

func (e *execution) end() {
	if !e.ended {
		e.ended = true
		close(e.done)
	}
}

// nowTime is the modelled wall clock.
func (e *execution) nowTime() time.Time {
	e.lock()
	defer e.mu.Unlock()
	return e.base.Add(e.now)
}

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
		e.report = e.livelockFailure
		e.end()
		return nil
	}
	e.wakeCancelled()
	forceTimer := false
	if e.usersDone() {
		e.end() // only goroutines that serve others are left
		return nil
	}
	var run, tim []int
	for _, th := range e.threads {
		switch th.status {
		case runnable:
			run = append(run, th.id)
		case timed:
			tim = append(tim, th.id)
		}
	}
	if e.x.cfg.idleTimers {
		e.sinceFire++
		spinning := e.sinceFire > spinAllowance && len(tim) > 0
		tim = e.idleTimeouts(len(run) > 0 && !spinning, tim)
		if spinning {
			// Goroutines that never block (a loop around a select with a
			// default, say) take real time: past the allowance, the earliest
			// timeout fires while they could still run.
			run, forceTimer = nil, true
		}
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
			run = without(run, t.id)
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
	d := decision{cands: merge(run, tim), runnable: run, prev: t}
	if avoid >= 0 {
		d.runnable = without(run, avoid)
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
	choice, ok := e.chooseThread(&d, on)
	if !ok {
		return nil
	}
	if on && choice != t.id {
		e.preempts++
	}
	next := e.threads[choice]
	if next.status == timed {
		if e.threads[0].status == finished {
			if e.lateFires++; e.lateFires > lateFireLimit {
				e.report = e.leakFailure
				e.end()
				return nil
			}
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

// fire wakes a timed waiter by its timeout; the modelled clock moves on to
// its deadline if it has not passed it already.
func (e *execution) fire(t *mthread) {
	if ps := e.parkers[t.parker]; ps != nil && ps.waiter == t {
		ps.waiter = nil
	}
	t.status, t.result, t.ctx = runnable, context.DeadlineExceeded, nil
	e.sinceFire = 0
	if t.deadline > e.now {
		e.now = t.deadline
	}
}

// wakeCancelled wakes the threads whose context was cancelled. A context
// deadline is not looked at: it is modelled as a timeout.
func (e *execution) wakeCancelled() {
	for _, t := range e.threads {
		if (t.status == blocked || t.status == timed) && t.ctx != nil {
			if err := t.ctx.Err(); err != nil && err != context.DeadlineExceeded {
				if ps := e.parkers[t.parker]; ps != nil && ps.waiter == t {
					ps.waiter = nil
				}
				t.status, t.result, t.ctx = runnable, err, nil
			}
		}
	}
}

// finishRun ends a run in which no thread can go on.
func (e *execution) finishRun() {
	switch {
	case e.usersDone():
	case e.threads[0].status == finished:
		e.report = e.leakFailure
	default:
		e.report = e.deadlockFailure
	}
	e.end()
}

// usersDone reports whether every thread has ended but those that serve
// others (timers), which are never waited for.
func (e *execution) usersDone() bool {
	for _, t := range e.threads {
		if t.status != finished && t.daemon == "" {
			return false
		}
	}
	return true
}

// idleTimeouts applies the rule of testing/synctest to the timed threads
// tim: a timeout fires only when no thread can run otherwise, and then the
// earliest deadline first (all of those with the earliest, as a choice).
func (e *execution) idleTimeouts(others bool, tim []int) []int {
	if others || len(tim) == 0 {
		return nil
	}
	first := e.threads[tim[0]].deadline
	for _, id := range tim {
		first = min(first, e.threads[id].deadline)
	}
	var out []int
	for _, id := range tim {
		if e.threads[id].deadline == first {
			out = append(out, id)
		}
	}
	return out
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
		e.access(t.parker, true, t.watched, true)
		if t.obj != nil {
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
		br.cands, br.prev, br.prevOn, br.preempts = d.cands, d.prev.id, on, e.preempts
		e.enterBranch(br)
		return br.chosen, true
	}
	if len(e.sleep) > 0 {
		// Sleeping threads are not chosen: their schedules were covered.
		var awake, run []int
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
	br := &branch{cands: d.cands, prev: d.prev.id, prevOn: on, preempts: e.preempts, chosen: c}
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
	e.path = append(e.path, &branch{value: true, n: n, chosen: c})
	return c
}

type decision struct {
	cands    []int // threads that may be chosen, ascending: runnable and timed ones
	runnable []int // those not waiting for a timeout
	def      int   // the choice that preempts nobody and fires no timeout early
	prev     *mthread
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func without(s []int, v int) []int {
	out := make([]int, 0, len(s))
	for _, x := range s {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// merge merges two ascending lists.
func merge(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j == len(b) || (i < len(a) && a[i] < b[j]) {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}
