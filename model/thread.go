package model

import (
	"context"
	"fmt"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/thread"
)

// status is where a managed thread stands.
type status uint8

const (
	runnable status = iota // running, or able to run when chosen
	blocked                // parked with no timeout: only an Unpark (or its context) wakes it
	timed                  // parked with a timeout: an Unpark wakes it, or choosing it fires the timeout
	finished
)

// pendKind says how a thread's next transition begins.
type pendKind uint8

const (
	pendStart  pendKind = iota // the thread's first transition
	pendPoint                  // the operation announced by its last Point
	pendResume                 // the rest of an operation, after Park returned
)

// abortSignal is the panic that unwinds the threads of a run that is over.
// The thread wrapper swallows it; the panic hook ignores it.
type abortSignal struct{}

func (abortSignal) String() string { return "model: run abandoned (this thread is being unwound)" }

// Unwinding tells panics.Run that no stack is needed.
func (abortSignal) Unwinding() {}

// An mthread is one thread of one run: a coroutine that runs only when the
// scheduler hands it the turn.
type mthread struct {
	id      int
	w       *worker   // the coroutine that runs it
	os      *objState // its state as an object (spawned, joined), once touched
	status  status
	dumpReq bool // the driver asks for its stack
	stack   string

	op   sched.Op // the operation of its last Point: what it does, or waits in
	obj  any
	pend pendKind

	parker     *sched.Parker // the parker it waits on, or last waited on
	ctx        context.Context
	deadline   time.Duration // modelled, when timed
	watched    bool          // the park has a timeout or a context: others race with it
	handedOver bool          // its waker hands over all it needs: waking touches only the parker
	idleWait   bool          // parked until no other thread can run (idle.go)
	idleWoken  bool          // ... and woken so: its wake-up depends on every other thread
	result     error         // what Park returns

	yielding    bool // its last Point was a yield or a sleep
	afterYield  bool // it was made to yield: its next transition follows another's
	yieldStreak int  // times in a row it went on right after yielding
	runLen      int  // decisions in a row that chose it
	caught      int  // it has caught up with every store numbered up to caught
	made        int  // objects it made that are named by their making (sleep.go)

	handle  any             // the JoinHandle its end completes, if spawned by package thread
	site    *sched.CallSite // where it was started
	daemon  string          // not empty for a goroutine that serves others (a timer): what it is
	label   string          // how the code it runs names it (sched.Runner.Label)
	goid    uint64          // the runtime's id of its goroutine
	stuck   bool            // blocked outside the explorer: abandoned, never unwound
	unwound bool            // an abort panic went through it once (turns.go's checkLive)
	// drained: a goroutine that serves others, fired once after the others
	// ended. A run does not end while such a goroutine has a timeout
	// pending: what it does when it fires (a send, say) may depend on what
	// the others did, and the search must see it to try the other orders.
	drained bool
	// idleFired: the stretch in which its timeout last fired while every
	// thread but the timers' was blocked (see countIdleFire).
	idleFired int

	clock vclock // happens-before for partial-order reduction: every dependent pair
	mem   vclock // happens-before for the memory model: synchronisation only
}

func (t *mthread) String() string { return fmt.Sprintf("thread %d", t.id) }

// displayName is how a report names the thread.
func (t *mthread) displayName() string {
	if t.label != "" {
		if t.id == 0 {
			return fmt.Sprintf("thread 0 (%s)", t.label)
		}
		return fmt.Sprintf("goroutine %d (%s)", t.id, t.label)
	}
	if t.id == 0 {
		return "thread 0 (main: the function under test)"
	}
	if h, ok := t.handle.(interface{ Thread() *thread.Thread }); ok {
		if n := h.Thread().Name(); n != "" {
			return fmt.Sprintf("thread %d %q", t.id, n)
		}
		return fmt.Sprintf("thread %d", t.id)
	}
	// A goroutine of rewritten Go code: named as Go names them.
	name := fmt.Sprintf("goroutine %d", t.id)
	if t.daemon != "" {
		if site := t.site.String(); site != "" {
			return name + " (" + t.daemon + " made at " + site + ")"
		}
		return name + " (" + t.daemon + ")"
	}
	if site := t.site.String(); site != "" {
		name += " (started at " + site + ")"
	}
	return name
}

// parkState is the scheduler's view of one Parker during a run.
type parkState struct {
	token  bool
	waiter *mthread
}
