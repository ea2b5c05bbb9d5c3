package shared

import (
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/label"
	"github.com/fearlessgo/fearless/internal/sched"
)

const (
	opArcClone sched.Op = "shared.Arc.Clone"
	opArcDrop  sched.Op = "shared.Arc.Drop"
)

// An Arc is one handle to a value shared by reference counting, like
// Rust's std::sync::Arc: Clone makes another handle, Drop gives one up, and
// when the last handle is dropped the release function runs, once, with the
// value. Go's garbage collector frees the memory either way; release is for
// what the collector cannot do, such as closing a file.
//
// Handles may be cloned, dropped and read from any goroutines; a single
// handle must not be dropped while it is being cloned or read. The value is
// shared, not locked: to change it from several goroutines, share a Mutex
// or an RwLock (shared.NewArc(shared.NewMutex(0), nil)).
type Arc[T any] struct {
	_       noCopy
	in      *arcInner[T]
	dropped atomic.Bool
}

type arcInner[T any] struct {
	strong  atomic.Int64
	value   T
	release func(T)
	label   label.Label // shared by every handle
}

// NewArc returns the first handle to v. release, which may be nil, runs
// when the last handle is dropped. Like NewMutex, it records where it was
// called while deadlock detection or the schedule explorer is on.
func NewArc[T any](v T, release func(T)) *Arc[T] {
	in := &arcInner[T]{value: v, release: release}
	in.strong.Store(1)
	if tracking() {
		in.label.Record(0)
	}
	return &Arc[T]{in: in}
}

// SchedLabel names the shared value in the schedule explorer's reports,
// the same for every handle: "Arc[int] made at main.go:12", or "" when
// where it was made is not known.
func (a *Arc[T]) SchedLabel() string {
	if a == nil || a.in == nil {
		return ""
	}
	return a.in.label.Describe(kindOf(a))
}

// Clone returns a new handle to the same value. Cloning a dropped handle is
// a bug (Rust rejects it at compile time), so Clone panics.
func (a *Arc[T]) Clone() *Arc[T] {
	sched.Point(opArcClone, a)
	a.mustLive("Clone")
	a.in.strong.Add(1)
	return &Arc[T]{in: a.in}
}

// Get returns the shared value. It panics on a dropped, nil or zero handle.
func (a *Arc[T]) Get() *T {
	a.mustLive("Get")
	return &a.in.value
}

// Value returns a copy of the shared value: for an Arc of a pointer, such
// as *Mutex[T], the pointer itself (arc.Value().Lock()). It panics on a
// dropped handle.
func (a *Arc[T]) Value() T {
	a.mustLive("Value")
	return a.in.value
}

// Drop gives this handle up. Dropping the last handle runs release. Drop is
// idempotent per handle: dropping a handle twice counts once.
func (a *Arc[T]) Drop() {
	sched.Point(opArcDrop, a)
	a.mustMade("Drop")
	if !a.dropped.CompareAndSwap(false, true) {
		return
	}
	if a.in.strong.Add(-1) == 0 && a.in.release != nil {
		a.in.release(a.in.value)
	}
}

// StrongCount returns how many handles are not dropped yet. Other
// goroutines may change it at any moment.
func (a *Arc[T]) StrongCount() int {
	a.mustMade("StrongCount")
	return int(a.in.strong.Load())
}

// String formats the shared value like Rust's Debug, as Rust prints an Arc.
func (a *Arc[T]) String() string {
	a.mustMade("String")
	return debugString(&a.in.value)
}

// mustMade panics for a handle that NewArc or Clone did not make: nil, or
// a zero Arc declared by hand, which shares no value.
func (a *Arc[T]) mustMade(op string) {
	if a == nil || a.in == nil {
		panic("shared: Arc." + op + " on a nil or zero Arc; make one with NewArc and share it with Clone")
	}
}

func (a *Arc[T]) mustLive(op string) {
	a.mustMade(op)
	if a.dropped.Load() {
		panic("shared: Arc." + op + " on a dropped handle; Clone the Arc before dropping a handle you still use")
	}
}
