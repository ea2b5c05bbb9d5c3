// Package sched is the one seam through which fearless primitives spawn,
// park and wake goroutines, and mark the points where a scheduler may switch.
//
// In a normal build nothing is installed: Go spawns with the go statement,
// Park waits on a channel (durably blocked, as testing/synctest requires) and
// Point is one atomic load and a predictable branch. A deterministic scheduler
// such as the schedule explorer installs a Scheduler and takes over all three
// without any primitive changing.
//
// Rules for primitives: call Point at the start of every public operation;
// block only through a Parker; start goroutines only through Go; never leave
// state that another goroutine must spin on while parked.
package sched

import (
	"context"
	"sync/atomic"
	"time"
)

// Op names an operation at a switch point, for schedules and reports.
type Op string

// Scheduler is what a deterministic scheduler implements to take over.
type Scheduler interface {
	// Point is called before op on obj; the scheduler may run others first.
	Point(op Op, obj any)
	// Go starts f as a new scheduled goroutine.
	Go(f func())
	// Park blocks the caller until p is unparked, ctx is done, or the
	// timeout (if positive) passes. It returns nil when unparked,
	// context.DeadlineExceeded on timeout and ctx.Err() on cancellation.
	Park(p *Parker, ctx context.Context, timeout time.Duration) error
	// Unpark makes p's token available and wakes its parked goroutine.
	Unpark(p *Parker)
}

type box struct{ s Scheduler }

var installed atomic.Pointer[box]

// Install makes s the scheduler for every later operation, or restores
// normal scheduling when s is nil. It returns the previous one.
func Install(s Scheduler) (previous Scheduler) {
	var b *box
	if s != nil {
		b = &box{s}
		notify(true)
	}
	old := installed.Swap(b)
	if s == nil && old != nil {
		notify(false)
	}
	if old != nil {
		return old.s
	}
	return nil
}

// hooks are told when a scheduler comes and goes; see OnInstall.
var hooks []func(installed bool)

// OnInstall registers f to be called with true just before a scheduler is
// installed and with false just after it is removed, for packages that keep
// their own fast-path flags. Register only from init functions.
func OnInstall(f func(installed bool)) { hooks = append(hooks, f) }

func notify(installed bool) {
	for _, f := range hooks {
		f(installed)
	}
}

// Active returns the installed scheduler, or nil.
func Active() Scheduler {
	if b := installed.Load(); b != nil {
		return b.s
	}
	return nil
}

// Installed reports whether a scheduler is installed. It is small enough to
// inline, for the hottest paths (atomics) that only need to know whether to
// leave the fast path.
func Installed() bool { return installed.Load() != nil }

// RecordSite reports whether a constructor should record where its object
// is made, a look at the caller's stack, for the reports of the installed
// scheduler: false when none is installed. A scheduler that reports on few
// of its runs may implement RecordSite() bool, to say when it needs the
// sites and to learn that an object was made without one.
func RecordSite() bool {
	b := installed.Load()
	if b == nil {
		return false
	}
	if s, ok := b.s.(interface{ RecordSite() bool }); ok {
		return s.RecordSite()
	}
	return true
}

// Point marks a place where a scheduler may switch to another goroutine.
func Point(op Op, obj any) {
	if b := installed.Load(); b != nil {
		b.s.Point(op, obj)
	}
}

// Go starts f in a new goroutine.
func Go(f func()) {
	if b := installed.Load(); b != nil {
		b.s.Go(f)
		return
	}
	go f()
}

// GoFrom is Go for a goroutine whose start the caller has located (the go
// statement that rewritten code replaced, see Near): a scheduler that
// reports where goroutines were started takes site instead of walking the
// stack, if it implements GoFrom(f func(), site *CallSite).
func GoFrom(f func(), site *CallSite) {
	if b := installed.Load(); b != nil {
		if s, ok := b.s.(interface{ GoFrom(func(), *CallSite) }); ok {
			s.GoFrom(f, site)
			return
		}
		b.s.Go(f)
		return
	}
	go f()
}

// Labeled is implemented by an object passed to Point that names itself in
// a scheduler's reports, by its explicit name or its creation site
// ("lock_a (Mutex[int] made at main.go:12)"). Objects without it are named
// by their type and rank.
type Labeled interface {
	SchedLabel() string
}
