package mpsc

import (
	"context"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// noContext is the context of a wait that no context bounds: Recv, Send,
// the Timeout and Try variants. The wait checks for it before it looks at
// a context at all.
var noContext context.Context

// maxWait is the longest timeout turned into a deadline; a longer one waits
// forever, which no program can tell apart and which cannot overflow.
const maxWait = 100 * 365 * 24 * time.Hour

// past is a deadline that has always passed, also under testing/synctest's
// clock, which starts in 2000.
var past = time.Unix(1, 0)

// deadlineAfter returns the deadline d from now: past when d <= 0 (try once,
// do not wait) and the zero time (never) when d is too long to matter.
func deadlineAfter(d time.Duration) time.Time {
	switch {
	case d <= 0:
		return past
	case d >= maxWait:
		return time.Time{}
	}
	return sched.Now().Add(d)
}

// expired reports whether the wait given by ctx and deadline is over, as the
// error to return for it: ctx.Err(), ErrTimeout or nil.
func expired(ctx context.Context, deadline time.Time) error {
	if ctx != nil {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if !deadline.IsZero() && (deadline.Equal(past) || !sched.Now().Before(deadline)) {
		return ErrTimeout
	}
	return nil
}
