package model

import (
	"context"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// The operations of the scheduler seam (Point, Go, Park, Unpark) and the
// end of a thread, as one run performs them.

// yieldKey is the object through which the transition that runs after a
// yield enables the yielder's next one.
type yieldKey struct{ t *mthread }

func (e *execution) point(op sched.Op, obj any) {
	e.lock()
	e.checkLive()
	if e.calls%foreignSample == 0 {
		e.checkForeign(op)
	}
	t := e.cur
	t.op, t.obj, t.pend = op, obj, pendPoint
	t.yielding = op.Yields()
	next := e.decide(t)
	e.handoff(t, next)
}

// spawnsHandle reports whether the running thread's spawn completes a
// handle (package thread's), which names the new thread in reports: such a
// thread needs no start site, whose stack walk would be the dearest part of
// its spawn.
func (e *execution) spawnsHandle() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	t := e.cur
	return t != nil && t.op == sched.OpSpawn && comparable(t.obj)
}

// spawn starts f as a thread of the run, started at site.
func (e *execution) spawn(f func(), daemon string, site *sched.CallSite) {
	e.lock()
	e.checkLive()
	t := e.cur
	e.flush()
	c := e.newThread()
	c.op, c.pend = sched.OpStart, pendStart
	c.site, c.daemon = site, daemon
	e.progress(c)
	// The child's first transition happens after this one: it reads what
	// this one publishes under the child's own key.
	e.access(c, true, false, true)
	if t.op == sched.OpSpawn && comparable(t.obj) {
		c.handle = t.obj
		e.handles[t.obj] = c
	}
	c.w = e.x.workers.start(job{e, c, f, false})
	e.mu.Unlock()
}

// How a thread parks.
type parkMode uint8

const (
	parkPlain      parkMode = iota
	parkHandedOver          // its waker hands over all it needs (sched.Parker.ParkHandedOver): waking touches only the parker, not the object of its last Point
	parkIdle                // until no other thread can run (idle.go)
)

// park parks the running thread on p.
func (e *execution) park(p *sched.Parker, ctx context.Context, timeout time.Duration, mode parkMode) error {
	e.lock()
	e.checkLive()
	if e.calls%foreignSample == 0 {
		e.checkForeign("park")
	}
	t := e.cur
	e.flush()
	e.accessState(e.parkerObj(p), true, true, true)
	ps := e.parker(p)
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
	e.contexts = e.contexts || ctx != nil
	t.parker, t.ctx, t.result = p, ctx, nil
	t.handedOver, t.idleWait = mode == parkHandedOver, mode == parkIdle
	if t.idleWait {
		e.idleWaiting++
	}
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
	s := &e.seats[e.seat(p)]
	if !s.parked {
		// Nobody parked on p in this run yet. It may be a parker of an
		// earlier run, unparked by a garbage collector cleanup that closes
		// a forgotten channel handle: that must not count as a step of
		// the running thread. Leave the token; a Park in this run takes it.
		s.parked, s.park.token = true, true
		return
	}
	e.flush()
	e.accessState(e.parkerObj(p), true, true, true)
	ps := &e.seats[e.seat(p)].park
	if w := ps.waiter; w != nil {
		ps.waiter = nil
		w.status, w.result, w.ctx = runnable, nil, nil
		return
	}
	ps.token = true
}

// A seated parker is what a run knows of a sched.Parker: found through the
// parker's seat, not a map, since every park and unpark needs it.
type seated struct {
	os     *objState // its object state, once accessed
	park   parkState
	parked bool // park holds something: a Park or an Unpark met it in this run
}

// seat returns the index of p in e.seats, giving it a seat in this run if
// it has none.
func (e *execution) seat(p *sched.Parker) int {
	st := p.Seat()
	if st.Run != e.id {
		*st = sched.Seat{Run: e.id, Index: len(e.seats)}
		e.seats = append(e.seats, seated{})
	}
	return st.Index
}

// parker returns the park state of p in the run.
func (e *execution) parker(p *sched.Parker) *parkState {
	s := &e.seats[e.seat(p)]
	s.parked = true
	return &s.park
}

// waitedBy returns the park state of p if t waits on it, or nil.
func (e *execution) waitedBy(p *sched.Parker, t *mthread) *parkState {
	if p == nil || p.Seat().Run != e.id {
		return nil
	}
	s := &e.seats[p.Seat().Index]
	if !s.parked || s.park.waiter != t {
		return nil
	}
	return &s.park
}

// parkerObj returns the object state of p, looked up once per run.
func (e *execution) parkerObj(p *sched.Parker) *objState {
	i := e.seat(p)
	if e.seats[i].os == nil {
		os := e.lookup(p)
		e.seats[i].os = os
	}
	return e.seats[i].os
}

// threadEnd records the end of t: returned (r == nil) or panicked with r.
// It returns the thread to run next, if any.
func (e *execution) threadEnd(t *mthread, r any, stack []byte) *mthread {
	e.lock()
	defer e.mu.Unlock()
	if e.aborting || e.ended {
		t.status = finished
		return nil
	}
	e.flush()
	t.status = finished
	e.progress(t)
	if r != nil {
		e.fail(e.panicFailure(t, r, stack))
		return nil
	}
	if t.handle != nil {
		e.access(t.handle, true, true, true)
	}
	return e.decide(t)
}

// threadGone records a thread unwound by abortAll.
func (e *execution) threadGone(t *mthread) {
	e.lock()
	t.status = finished
	e.mu.Unlock()
}
