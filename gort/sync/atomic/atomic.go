// Package atomic is the drop-in package sync/atomic of Go code rewritten by
// fearless test. Every operation is sync/atomic's own; while the schedule
// explorer runs, each is also a point where another goroutine may run, so
// that the explorer tries the orders of atomic operations that matter. The
// functions on unsafe.Pointer are not here: rewritten code keeps calling
// sync/atomic for them, and the explorer does not see them.
package atomic

import (
	"sync/atomic"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

const opAtomic sched.Op = "atomic"

// point lets the explorer run another goroutine before an atomic operation
// on addr.
func point(addr any) {
	if gort.Runner() != nil {
		sched.Point(opAtomic, addr)
	}
}

// Bool is atomic.Bool.
type Bool struct{ v atomic.Bool }

// Load is atomic.Bool.Load.
func (x *Bool) Load() bool { point(x); return x.v.Load() }

// Store is atomic.Bool.Store.
func (x *Bool) Store(val bool) { point(x); x.v.Store(val) }

// Swap is atomic.Bool.Swap.
func (x *Bool) Swap(new bool) (old bool) { point(x); return x.v.Swap(new) }

// CompareAndSwap is atomic.Bool.CompareAndSwap.
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	point(x)
	return x.v.CompareAndSwap(old, new)
}

// Pointer is atomic.Pointer.
type Pointer[T any] struct{ v atomic.Pointer[T] }

// Load is atomic.Pointer.Load.
func (x *Pointer[T]) Load() *T { point(x); return x.v.Load() }

// Store is atomic.Pointer.Store.
func (x *Pointer[T]) Store(val *T) { point(x); x.v.Store(val) }

// Swap is atomic.Pointer.Swap.
func (x *Pointer[T]) Swap(new *T) (old *T) { point(x); return x.v.Swap(new) }

// CompareAndSwap is atomic.Pointer.CompareAndSwap.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	point(x)
	return x.v.CompareAndSwap(old, new)
}

// Value is atomic.Value.
type Value struct{ v atomic.Value }

// Load is atomic.Value.Load.
func (x *Value) Load() (val any) { point(x); return x.v.Load() }

// Store is atomic.Value.Store.
func (x *Value) Store(val any) { point(x); x.v.Store(val) }

// Swap is atomic.Value.Swap.
func (x *Value) Swap(new any) (old any) { point(x); return x.v.Swap(new) }

// CompareAndSwap is atomic.Value.CompareAndSwap.
func (x *Value) CompareAndSwap(old, new any) (swapped bool) {
	point(x)
	return x.v.CompareAndSwap(old, new)
}
