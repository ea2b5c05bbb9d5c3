package mpsc

import (
	"errors"
	"strings"
)

// The errors of this package. Match them with errors.Is: a failed send
// returns a *SendError that wraps one of them.
var (
	// ErrDisconnected: the other side is gone. A receive sees it once every
	// sender handle is closed and every buffered value was received; a send
	// sees it as soon as the receiver is closed.
	ErrDisconnected = errors.New("mpsc: channel disconnected")
	// ErrEmpty: TryRecv found nothing buffered (and senders remain).
	ErrEmpty = errors.New("mpsc: channel empty")
	// ErrTimeout: a timed operation gave up.
	ErrTimeout = errors.New("mpsc: timed out waiting on channel")
	// ErrFull: TrySend found no room (for a rendezvous channel: no receiver
	// waiting).
	ErrFull = errors.New("mpsc: channel full")
	// ErrClosed: the handle was used after its own Close.
	ErrClosed = errors.New("mpsc: use of closed handle")
)

// A SendError is returned by a send that did not deliver its value. It hands
// the value back, so that nothing sent is silently lost.
type SendError[T any] struct {
	// Value is the value that was not sent.
	Value T
	// Err says why: ErrDisconnected, ErrFull, ErrTimeout or ErrClosed, or
	// the context's error for SyncSender.SendContext.
	Err error
}

// Error describes why the send failed; it does not print the value.
func (e *SendError[T]) Error() string {
	if e.Err == nil {
		return "mpsc: send failed"
	}
	return "mpsc: send failed: " + strings.TrimPrefix(e.Err.Error(), "mpsc: ")
}

// Unwrap returns Err, so that errors.Is(err, ErrDisconnected) works.
func (e *SendError[T]) Unwrap() error { return e.Err }

// status is the outcome of one non-blocking attempt on a flavour.
type status uint8

const (
	ok           status = iota
	notReady            // empty for a receive, full for a send
	disconnected        // the other side is gone (and, for a receive, nothing is left)
)
