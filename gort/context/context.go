// Package context is the drop-in package context of Go code rewritten by
// fearless test. Its types are package context's own (Context is the same
// interface), so contexts pass to and from code that was not rewritten.
// While the schedule explorer runs, the contexts made here are modelled:
// Done is a channel the explorer controls, cancellation is an operation
// where another goroutine may run, and deadlines follow the explorer's
// clock. While no explorer runs, every function is package context's.
package context

import (
	stdcontext "context"
	"time"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

type (
	Context         = stdcontext.Context
	CancelFunc      = stdcontext.CancelFunc
	CancelCauseFunc = stdcontext.CancelCauseFunc
)

var (
	Canceled         = stdcontext.Canceled
	DeadlineExceeded = stdcontext.DeadlineExceeded
)

var (
	Background    = stdcontext.Background
	TODO          = stdcontext.TODO
	WithValue     = stdcontext.WithValue
	WithoutCancel = stdcontext.WithoutCancel
)

const (
	opCancel sched.Op = "context cancel"
	opErr    sched.Op = "context Err"
)

// key finds the nearest modelled context among a context's ancestors,
// through Value, the way package context finds its own.
type key struct{}

// cancelCtx is a modelled cancellable context.
type cancelCtx struct {
	Context // the parent
	done    chan struct{}
	err     error
	cause   error
	kids    []*cancelCtx
	funcs   []*afterFunc
	timer   *gort.Timer
	dl      time.Time
	hasDL   bool
}

func (c *cancelCtx) Done() <-chan struct{} { return c.done }

func (c *cancelCtx) Err() error {
	sched.Point(opErr, c)
	return c.err
}

func (c *cancelCtx) Value(k any) any {
	if k == (key{}) {
		return c
	}
	return c.Context.Value(k)
}

func (c *cancelCtx) Deadline() (time.Time, bool) {
	if c.hasDL {
		return c.dl, true
	}
	return c.Context.Deadline()
}

func (c *cancelCtx) String() string { return "context.WithCancel" }

// newCancelCtx makes a modelled child of parent, cancelled with it.
func newCancelCtx(r sched.Runner, parent Context) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{Context: parent, done: gort.Made(make(chan struct{}))}
	if p, ok := parent.Value(key{}).(*cancelCtx); ok {
		if p.err != nil {
			c.cancel(p.err, p.cause)
		} else {
			p.kids = append(p.kids, c)
		}
	} else if parent.Done() != nil {
		r.Outside("a context derived from one that fearless test did not make (its cancellation is not seen) at " + gort.Site())
	}
	return c
}

// cancel cancels c and its children with err, once.
func (c *cancelCtx) cancel(err, cause error) {
	if c.err != nil {
		return
	}
	if cause == nil {
		cause = err
	}
	c.err, c.cause = err, cause
	gort.Close(c.done)
	if c.timer != nil {
		c.timer.Stop()
	}
	for _, k := range c.kids {
		k.cancel(err, cause)
	}
	c.kids = nil
	for _, f := range c.funcs {
		if !f.stopped {
			f.ran = true
			gort.Go(f.f)
		}
	}
	c.funcs = nil
}

func (c *cancelCtx) cancelFunc(cause error) {
	sched.Point(opCancel, c)
	c.cancel(Canceled, cause)
}

// WithCancel is context.WithCancel.
func WithCancel(parent Context) (Context, CancelFunc) {
	r := gort.Runner()
	if r == nil {
		return stdcontext.WithCancel(parent)
	}
	c := newCancelCtx(r, parent)
	return c, func() { c.cancelFunc(nil) }
}

// WithCancelCause is context.WithCancelCause.
func WithCancelCause(parent Context) (Context, CancelCauseFunc) {
	r := gort.Runner()
	if r == nil {
		return stdcontext.WithCancelCause(parent)
	}
	c := newCancelCtx(r, parent)
	return c, func(cause error) { c.cancelFunc(cause) }
}

// WithDeadline is context.WithDeadline, by the explorer's clock.
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	return WithDeadlineCause(parent, d, nil)
}

// WithDeadlineCause is context.WithDeadlineCause.
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	r := gort.Runner()
	if r == nil {
		return stdcontext.WithDeadlineCause(parent, d, cause)
	}
	c := newCancelCtx(r, parent)
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return c, func() { c.cancelFunc(nil) } // the parent's deadline comes first
	}
	c.dl, c.hasDL = d, true
	if c.err == nil {
		c.timer = gort.StartTimer(r, d.Sub(sched.Now()), 0, "deadline of a context", gort.Caller(), func() {
			sched.Point(opCancel, c)
			c.cancel(DeadlineExceeded, cause)
		})
	}
	return c, func() { c.cancelFunc(nil) }
}

// WithTimeout is context.WithTimeout, by the explorer's clock.
func WithTimeout(parent Context, d time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, sched.Now().Add(d))
}

// WithTimeoutCause is context.WithTimeoutCause.
func WithTimeoutCause(parent Context, d time.Duration, cause error) (Context, CancelFunc) {
	return WithDeadlineCause(parent, sched.Now().Add(d), cause)
}

// Cause is context.Cause.
func Cause(c Context) error {
	if m, ok := c.Value(key{}).(*cancelCtx); ok {
		sched.Point(opErr, m)
		return m.cause
	}
	return stdcontext.Cause(c)
}

type afterFunc struct {
	f            func()
	stopped, ran bool
}

// AfterFunc is context.AfterFunc: f runs in its own goroutine once ctx is
// done.
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	r := gort.Runner()
	m, ok := ctx.Value(key{}).(*cancelCtx)
	if r == nil || !ok {
		return stdcontext.AfterFunc(ctx, f)
	}
	sched.Point(opCancel, m)
	a := &afterFunc{f: f}
	if m.err != nil {
		a.ran = true
		gort.Go(f)
	} else {
		m.funcs = append(m.funcs, a)
	}
	return func() bool {
		sched.Point(opCancel, m)
		if a.ran || a.stopped {
			return false
		}
		a.stopped = true
		return true
	}
}
