package pool

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/panics"
	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// A Pool is a fixed set of worker threads taking tasks from one queue. Its
// methods are safe for concurrent use. Close it when done: its workers are
// threads that wait for work until then.
type Pool struct {
	// Exactly one of tx (unbounded) and stx (bounded) is set.
	tx  *mpsc.Sender[job]
	stx *mpsc.SyncSender[job]
	rx  *mpsc.Receiver[job]

	// closed is set once the pool stops taking work. A Go or Submit
	// that read it before it was set and sends after Close closed the
	// queue fails as the send does (the queue is disconnected), so no
	// count of calls in flight is needed: a send either lands before the
	// disconnection, and a worker runs it, or fails.
	closed atomic.Bool

	ctx         context.Context    // the user's, nil if none: ends the pool
	sendCtx     context.Context    // bounded queues: done when the pool stops taking work
	cancelSends context.CancelFunc // nil for unbounded queues
	failFast    bool
	onPanic     func(*thread.PanicError)

	// One slot per worker: a worker that a task ends with runtime.Goexit
	// puts its replacement in its slot before it goes.
	workers []atomic.Pointer[thread.JoinHandle[struct{}]]
}

// New starts a pool of workers threads with an unbounded queue. workers == 0
// means one worker per GOMAXPROCS; a negative count panics.
func New(workers int) *Pool { return NewWithOptions(workers) }

// NewWithOptions is New with options: QueueSize, FailWhenFull, Context,
// OnPanic.
func NewWithOptions(workers int, opts ...Option) *Pool {
	if workers < 0 {
		panic(fmt.Sprintf("pool: New needs workers >= 0 (0 means one per GOMAXPROCS), got %d", workers))
	}
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	needOptions(opts)
	var c config
	for _, o := range opts {
		o(&c)
	}
	p := &Pool{ctx: c.ctx, failFast: c.failFast, onPanic: c.onPanic}
	sched.Point("pool.New", p)
	if c.bounded {
		p.stx, p.rx = mpsc.SyncChannel[job](c.queue)
		parent := c.ctx
		if parent == nil {
			parent = context.Background()
		}
		p.sendCtx, p.cancelSends = context.WithCancel(parent)
	} else {
		p.tx, p.rx = mpsc.Channel[job]()
	}
	p.workers = make([]atomic.Pointer[thread.JoinHandle[struct{}]], workers)
	for i := range p.workers {
		p.spawn(i)
	}
	return p
}

// spawn starts the worker of slot i.
func (p *Pool) spawn(i int) {
	b := thread.NewBuilder().Name("pool-worker-" + strconv.Itoa(i))
	h, _ := thread.SpawnWith(b, func() struct{} {
		panics.Run(p.work, func(e *panics.Panic) {
			// serve catches every panic of a task: only runtime.Goexit
			// in a task ends work early, and this goroutine with it, or
			// the schedule explorer ending the run, which ends them all.
			switch {
			case e != nil && e.Unwinding():
				panic(e.Value)
			case e != nil:
				p.spawn(i)
			}
		})
		return struct{}{}
	})
	p.workers[i].Store(h)
}

// Workers returns the number of worker threads.
func (p *Pool) Workers() int {
	needPool("Pool.Workers", p)
	return len(p.workers)
}

// Go queues f to run on a worker. It returns nil once f is queued; an error
// matching ErrClosed after Close (or once the pool's context is done); with a
// bounded queue, it blocks while the queue is full, or returns an error
// matching ErrFull with FailWhenFull. A panic in f is reported (see OnPanic)
// and does not end the worker. A nil f panics, as does a nil or zero Pool.
func (p *Pool) Go(f func()) error {
	needPool("Pool.Go", p)
	sched.Point("pool.Go", p)
	if f == nil {
		panic("pool: Go called with a nil function; pass the function to run")
	}
	return p.send(job{run: f})
}

// Close stops the pool from taking new work, lets every task already queued
// run, and returns when all workers have ended. It is idempotent, and safe
// to call from several goroutines. Called from one of the pool's own tasks,
// it returns when every other worker has ended, as a worker cannot wait for
// itself; the calling task's worker ends when the task returns.
func (p *Pool) Close() {
	needPool("Pool.Close", p)
	sched.Point("pool.Close", p)
	p.shutdown()
	var self *thread.Thread
	for i := range p.workers {
		for w := p.workers[i].Load(); ; {
			if !w.IsFinished() && self == nil {
				self = thread.Current()
			}
			if self != nil && w.Thread().ID() == self.ID() {
				break
			}
			w.Join()
			next := p.workers[i].Load()
			if next == w {
				break
			}
			w = next // it was replaced
		}
	}
}

// send queues j unless the pool stopped taking work.
func (p *Pool) send(j job) error {
	if p.closed.Load() || (p.ctx != nil && p.ctx.Err() != nil) {
		return p.closedError()
	}
	var err error
	switch {
	case p.tx != nil:
		err = p.tx.Send(j)
	case p.failFast:
		err = p.stx.TrySend(j)
	default:
		err = p.stx.SendContext(p.sendCtx, j)
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, mpsc.ErrFull):
		return ErrFull
	default: // the pool stopped while the send waited
		return p.closedError()
	}
}

func (p *Pool) closedError() error {
	if p.ctx != nil && p.ctx.Err() != nil {
		return fmt.Errorf("%w: %w", ErrClosed, context.Cause(p.ctx))
	}
	return ErrClosed
}

// shutdown stops the pool taking work: the first caller marks it closed,
// wakes blocked senders and closes the queue, after which the workers end
// once it is empty. Later callers return at once.
func (p *Pool) shutdown() {
	if !p.closed.CompareAndSwap(false, true) {
		return
	}
	if p.cancelSends != nil {
		p.cancelSends()
	}
	if p.tx != nil {
		p.tx.Close()
	} else {
		p.stx.Close()
	}
}

// work is a worker's life: run tasks until the queue disconnects or the
// pool's context ends, then drop what is left.
func (p *Pool) work() {
	for !p.serve() {
	}
	if p.ctx == nil || p.ctx.Err() == nil {
		return
	}
	p.shutdown()
	err := fmt.Errorf("%w: %w", ErrDropped, context.Cause(p.ctx))
	for {
		j, rerr := p.rx.Recv()
		if rerr != nil {
			return
		}
		if j.cancel != nil {
			j.cancel(err)
		}
	}
}

// serve runs tasks until the queue disconnects or the context ends, and
// returns true then. When a task from Go panics, it reports the panic and
// returns false, so that the worker goes on with a fresh serve: the panic
// catcher is set up once per panic, not once per task.
func (p *Pool) serve() (ended bool) {
	var fromGo bool // the running task came from Go: its panic is ours to report
	panics.Run(func() { ended = p.runTasks(&fromGo) }, func(e *panics.Panic) {
		if e != nil && e.Unwinding() {
			panic(e.Value) // the explorer ends the run: serve no more
		}
		// Submit's run never panics: a task of its that did not return
		// called runtime.Goexit, and its handle has it already.
		if e != nil && fromGo {
			e.Thread = thread.Current().Name()
			p.report((*thread.PanicError)(e))
		}
	})
	return ended
}

// runTasks runs tasks until the queue disconnects or the context ends, and
// returns true then; fromGo tells whether the task running came from Go.
func (p *Pool) runTasks(fromGo *bool) bool {
	rx, ctx := p.rx, p.ctx
	for {
		var j job
		var err error
		if ctx == nil {
			j, err = rx.Recv()
		} else {
			j, err = rx.RecvContext(ctx)
			if err == nil && ctx.Err() != nil {
				if j.cancel != nil {
					j.cancel(fmt.Errorf("%w: %w", ErrDropped, context.Cause(ctx)))
				}
				return true
			}
		}
		if err != nil {
			return true
		}
		*fromGo = j.cancel == nil
		j.run()
	}
}
