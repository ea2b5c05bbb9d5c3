package session

import (
	"errors"
	"fmt"
)

// ErrPeerGone is the Err of the *Error an operation panics with when the
// other endpoint left the session before the protocol ended: it called
// Abort, or it was dropped (garbage collected) without reaching Close.
var ErrPeerGone = errors.New("session: the peer left before the protocol ended")

// ErrReused is the Err of the *Error an operation panics with when it is
// given an endpoint that an earlier operation already consumed, or the
// endpoint of the branch that the peer did not choose.
var ErrReused = errors.New("session: endpoint used after it was consumed")

// An Error is the value an operation panics with when the protocol cannot
// go on. It is an error, so a *thread.PanicError that carries it matches
// errors.Is(err, ErrPeerGone) or errors.Is(err, ErrReused).
type Error struct {
	Op     string // the operation that panicked: "Put", "Take", "Close", ...
	Err    error  // ErrPeerGone or ErrReused
	Detail string // what happened, for people
}

// Error returns "session: <Op>: <Detail>".
func (e *Error) Error() string { return "session: " + e.Op + ": " + e.Detail }

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// A DropError describes an endpoint that was dropped before its protocol
// ended: garbage collected without Close and without Abort. The drop hook
// receives it, and the peer's next operation panics with an *Error that
// quotes it.
type DropError struct {
	Side    int    // 0 for New's first result, 1 for its second
	Steps   uint64 // operations done on that side before it was dropped
	Created string // file:line of the call to New, or "" when unknown
}

// Error describes the drop and where the session was made.
func (e *DropError) Error() string { return "session: " + e.describe() }

func (e *DropError) describe() string {
	where := ""
	if e.Created != "" {
		where = " made at " + e.Created
	}
	return fmt.Sprintf("endpoint %d of the session%s was dropped after %d operation(s), before the protocol ended (missing Close?)",
		e.Side, where, e.Steps)
}
