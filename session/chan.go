package session

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/fearlessgo/fearless/internal/label"
	"github.com/fearlessgo/fearless/internal/sched"
)

// Chan is one endpoint of a session, in protocol state P inside the loop
// environment E (Top outside any Rec). Operations take a Chan and return
// the Chan of the next state; the one given is used up. A Chan is a small
// value: copy it, pass it to another goroutine, store it; but hand each
// state to exactly one operation. The zero Chan is not usable: endpoints
// come from New.
type Chan[E, P any] struct {
	ep   *endpoint
	step uint64
}

// endpoint is one side of a conn. Only the user's Chan values point to it,
// so when it becomes unreachable before the side ended, the side was
// dropped and its cleanup tells the peer.
type endpoint struct {
	c  *conn
	me int
}

// notChosen is the step of the endpoint Branch returns for the branch the
// peer did not choose: it never matches a real step.
const notChosen = ^uint64(0)

// New makes a session and returns its two endpoints: one follows protocol
// P, the other its dual D. It compiles only when D is P's dual; D can be
// left out and is then inferred: New[Client]().
//
// Each endpoint may be handed to another goroutine. Dropping one before it
// reaches Close (or Abort) is detected when the garbage collector finds it
// unreachable: the drop hook reports it and the peer's next or pending
// operation panics with ErrPeerGone, instead of waiting forever.
func New[P Proto[D], D Proto[P]]() (Chan[Top, P], Chan[Top, D]) {
	c := new(conn)
	var pc [1]uintptr
	if runtime.Callers(2, pc[:]) == 1 {
		c.created = pc[0]
	}
	a, b := &endpoint{c, 0}, &endpoint{c, 1}
	c.side[0].cleanup = runtime.AddCleanup(a, drop, dropArg{c, 0})
	c.side[1].cleanup = runtime.AddCleanup(b, drop, dropArg{c, 1})
	return Chan[Top, P]{ep: a}, Chan[Top, D]{ep: b}
}

// The operations, as switch points for a scheduler.
const (
	opPut    sched.Op = "session.Put"
	opTake   sched.Op = "session.Take"
	opLeft   sched.Op = "session.Left"
	opRight  sched.Op = "session.Right"
	opBranch sched.Op = "session.Branch"
	opEnter  sched.Op = "session.Enter"
	opZero   sched.Op = "session.Zero"
	opSucc   sched.Op = "session.Succ"
	opClose  sched.Op = "session.Close"
)

// name is the operation's name without the package: "Put".
func name(op sched.Op) string { return strings.TrimPrefix(string(op), "session.") }

// use consumes the endpoint at state c.step for operation op and returns
// the step of the next state. When that state was used already, it aborts
// the side, so that the peer's operations panic with ErrPeerGone, and
// panics with ErrReused.
func (ep *endpoint) use(step uint64, op sched.Op) uint64 {
	if ep == nil {
		panic("session: " + name(op) + " on the zero Chan; endpoints come from New")
	}
	sched.Point(op, ep.c)
	side := &ep.c.side[ep.me]
	// The side's state is read before the step is taken: an operation that
	// wins the step goes on even when a racing reuse aborts the side after.
	state := side.state.Load()
	if !side.steps.CompareAndSwap(step, step+1) {
		err := reused(ep, step, op)
		// This side cannot follow the protocol any more: leave at once, so
		// that the peer does not wait for it until a collection finds the
		// endpoints dropped.
		ep.c.leave(ep.me, aborted, "the peer misused an endpoint ("+err.Error()+")")
		panic(err)
	}
	if state != open {
		ep.c.fail(ep.me, op) // this side left: none of its endpoints may go on
	}
	return step + 1
}

func reused(ep *endpoint, step uint64, op sched.Op) *Error {
	if step == notChosen {
		return &Error{Op: name(op), Err: ErrReused, Detail: "this endpoint is the branch the peer did not choose; use the other result of Branch"}
	}
	now := ep.c.side[ep.me].steps.Load()
	return &Error{Op: name(op), Err: ErrReused, Detail: fmt.Sprintf(
		"endpoint %d was used already (it is at step %d, its side at step %d): "+
			"each operation consumes its endpoint and returns the next one; use that",
		ep.me, step, now)}
}

// Abort leaves the session before the protocol ended: the peer's pending
// and next operations panic with an *Error matching ErrPeerGone. It may be
// called on any endpoint of this side, even one already used, and does
// nothing once this side has closed or left; so
//
//	defer c.Abort()
//
// right after New makes a panic in this goroutine end the session at once,
// rather than when the garbage collector finds the endpoint dropped.
func (c Chan[E, P]) Abort() {
	if c.ep == nil {
		return
	}
	steps := c.ep.c.side[c.ep.me].steps.Load()
	c.ep.c.leave(c.ep.me, aborted, fmt.Sprintf("the peer called Abort after %d operation(s)", steps))
	runtime.KeepAlive(c.ep) // no drop report while aborting
}

// String describes the endpoint for debugging: "session.Chan(side 0, step 2)".
func (c Chan[E, P]) String() string {
	if c.ep == nil {
		return "session.Chan(zero)"
	}
	step := "step " + strconv.FormatUint(c.step, 10)
	if c.step == notChosen {
		step = "branch not chosen"
	}
	return "session.Chan(side " + strconv.Itoa(c.ep.me) + ", " + step + ")"
}

type dropArg struct {
	c  *conn
	me int
}

// drop runs, in the runtime's cleanup goroutine, once an endpoint is
// unreachable. Sides that closed or left stopped their cleanup already, but
// a race with Close is possible, so leave decides.
func drop(d dropArg) {
	e := &DropError{Side: d.me, Steps: d.c.side[d.me].steps.Load(), Created: where(d.c.created)}
	if d.c.leave(d.me, dropped, "the peer's "+e.describe()) {
		reportDrop(e)
	}
}

func where(pc uintptr) string {
	if pc == 0 {
		return ""
	}
	f, _ := runtime.CallersFrames([]uintptr{pc}).Next()
	if f.File == "" {
		return ""
	}
	return f.File + ":" + strconv.Itoa(f.Line)
}

// SchedLabel names the session in the schedule explorer's reports by where
// New made it: "session made at main.go:12".
func (c *conn) SchedLabel() string {
	if site := label.Site(c.created); site != "" {
		return "session made at " + site
	}
	return ""
}
