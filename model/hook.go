package model

import (
	"context"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// hook is what the explorer installs in the seam: every call goes to the
// run in progress.
type hook struct{ x *explorer }

func (h hook) Point(op sched.Op, obj any) {
	if e := h.x.exec.Load(); e != nil {
		e.point(op, obj)
	}
}

func (h hook) Go(f func()) {
	if e := h.x.exec.Load(); e != nil {
		var site *sched.CallSite
		if !e.spawnsHandle() {
			site = sched.Callers(2)
		}
		e.spawn(f, "", site)
		return
	}
	panic("model: a thread was started outside the explored function while Explore runs; do not run model tests in parallel with others")
}

func (h hook) GoFrom(f func(), site *sched.CallSite) {
	if e := h.x.exec.Load(); e != nil {
		e.spawn(f, "", site)
		return
	}
	panic("model: a thread was started outside the explored function while Explore runs; do not run model tests in parallel with others")
}

// RecordSite says whether an object being made records where: only in a
// run that is reported. A failing run whose objects were made without
// their sites is run again, along its schedule, with them (search.go).
func (h hook) RecordSite() bool {
	if h.x.sites.Load() {
		return true
	}
	h.x.unsited.Store(true)
	return false
}

func (h hook) Park(p *sched.Parker, ctx context.Context, timeout time.Duration) error {
	if e := h.x.exec.Load(); e != nil {
		return e.park(p, ctx, timeout, parkPlain)
	}
	panic("model: a fearless operation blocked outside the explored function while Explore runs; do not run model tests in parallel with others")
}

func (h hook) ParkHandedOver(p *sched.Parker) {
	if e := h.x.exec.Load(); e != nil {
		e.park(p, nil, 0, parkHandedOver)
		return
	}
	panic("model: a fearless operation blocked outside the explored function while Explore runs; do not run model tests in parallel with others")
}

func (h hook) Unpark(p *sched.Parker) {
	if e := h.x.exec.Load(); e != nil {
		e.unpark(p)
	}
}

func (h hook) Created(obj any) {
	if e := h.x.exec.Load(); e != nil {
		e.lock()
		if t := e.cur; t != nil && !e.ended {
			e.created(t, obj)
		}
		e.mu.Unlock()
	}
}

func (h hook) Now() time.Time {
	if e := h.x.exec.Load(); e != nil {
		return e.nowTime()
	}
	return time.Now()
}

func (h hook) Load(loc any, ord int, initial any) any {
	if e := h.x.exec.Load(); e != nil {
		return e.load(loc, ord, initial)
	}
	return initial
}

func (h hook) Store(loc any, ord int, v any, initial any) {
	if e := h.x.exec.Load(); e != nil {
		e.store(loc, ord, v, initial)
	}
}

func (h hook) Update(loc any, success, failure int, initial any, f func(old any) (any, bool)) any {
	if e := h.x.exec.Load(); e != nil {
		return e.update(loc, success, failure, initial, f)
	}
	return initial // no run in progress: nothing to update
}

func (h hook) Run() uint64 {
	if e := h.x.exec.Load(); e != nil {
		return e.id
	}
	return 0
}

func (h hook) Choose(n int) int {
	if e := h.x.exec.Load(); e != nil {
		return e.choose(n)
	}
	return 0
}

func (h hook) GoDaemon(f func(), label string, site *sched.CallSite) {
	if e := h.x.exec.Load(); e != nil {
		e.spawn(f, label, site)
		return
	}
	panic("model: a goroutine was started outside the explored function while Explore runs; do not run model tests in parallel with others")
}

func (h hook) Fail(kind, report string) {
	if e := h.x.exec.Load(); e != nil {
		e.failWith(kind, report)
	}
}

func (h hook) Touch(obj any) {
	if e := h.x.exec.Load(); e != nil {
		e.touch(obj)
	}
}

func (h hook) Label(name string) {
	if e := h.x.exec.Load(); e != nil {
		e.mu.Lock()
		e.cur.label = name
		e.mu.Unlock()
	}
}

func (h hook) WaitIdle() {
	if e := h.x.exec.Load(); e != nil {
		e.waitIdle()
		return
	}
	panic("model: a goroutine waited outside the explored function while Explore runs; do not run model tests in parallel with others")
}

func (h hook) Current() int {
	if e := h.x.exec.Load(); e != nil {
		e.lock()
		defer e.mu.Unlock()
		if e.cur != nil {
			return e.cur.id
		}
	}
	return -1
}

func (h hook) Outside(what string) {
	if e := h.x.exec.Load(); e != nil {
		e.noteOutside(what)
	}
}
