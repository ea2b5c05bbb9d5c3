package shared

import (
	"fmt"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/sched"
)

const (
	opAtomicLoad  sched.Op = "shared.atomic.Load"
	opAtomicStore sched.Op = "shared.atomic.Store"
	opAtomicRMW   sched.Op = "shared.atomic.Update"
)

// cell is what the atomics of sync/atomic have in common; the model paths
// below work on any of them.
type cell[V comparable] interface {
	Load() V
	Store(V)
}

// Each atomic type below checks its orderings and, when a scheduler is
// installed, takes the model path: a switch point, then the scheduler's
// memory model if it has one (sched.Memory), with the real word kept up to
// date so that values stay coherent when the model stops. Otherwise it is
// one sync/atomic operation.

func modelLoad[V comparable, C cell[V]](c C, loc any, o Ordering) V {
	sched.Point(opAtomicLoad, loc)
	if mem := sched.ActiveMemory(); mem != nil {
		return mem.Load(loc, int(o), c.Load()).(V)
	}
	return c.Load()
}

func modelStore[V comparable, C cell[V]](c C, loc any, v V, o Ordering) {
	sched.Point(opAtomicStore, loc)
	if mem := sched.ActiveMemory(); mem != nil {
		mem.Store(loc, int(o), v, c.Load())
	}
	c.Store(v)
}

// modelUpdate is a read-modify-write: f gets the latest value and returns
// the new one and whether to store it. It returns the value read and
// whether it stored.
func modelUpdate[V comparable, C cell[V]](c C, loc any, success, failure Ordering, f func(V) (V, bool)) (V, bool) {
	sched.Point(opAtomicRMW, loc)
	if mem := sched.ActiveMemory(); mem != nil {
		var stored bool
		var nv V
		old := mem.Update(loc, int(success), int(failure), c.Load(), func(old any) (any, bool) {
			nv, stored = f(old.(V))
			return nv, stored
		})
		if stored {
			c.Store(nv)
		}
		return old.(V), stored
	}
	// One goroutine runs at a time under a scheduler, so this is atomic.
	old := c.Load()
	nv, ok := f(old)
	if ok {
		c.Store(nv)
	}
	return old, ok
}

// AtomicInt64 is an int64 updated atomically with an explicit memory
// ordering, like Rust's AtomicI64. The zero value is 0. It must not be
// copied after first use.
type AtomicInt64 struct {
	_ noCopy
	v atomic.Int64
}

// Load returns the value. o must be Relaxed, Acquire or SeqCst.
func (a *AtomicInt64) Load(o Ordering) int64 {
	if !validLoad(o) || sched.Installed() {
		checkOrdering("AtomicInt64", "Load", o, validLoad)
		return modelLoad(&a.v, a, o)
	}
	return a.v.Load()
}

// Store sets the value. o must be Relaxed, Release or SeqCst.
func (a *AtomicInt64) Store(v int64, o Ordering) {
	if !validStore(o) || sched.Installed() {
		checkOrdering("AtomicInt64", "Store", o, validStore)
		modelStore(&a.v, a, v, o)
		return
	}
	a.v.Store(v)
}

// Add adds delta and returns the new value, as sync/atomic does (Rust's
// fetch_add returns the old one).
func (a *AtomicInt64) Add(delta int64, o Ordering) int64 {
	if !validRMW(o) || sched.Installed() {
		checkOrdering("AtomicInt64", "Add", o, validRMW)
		old, _ := modelUpdate(&a.v, a, o, o, func(v int64) (int64, bool) { return v + delta, true })
		return old + delta
	}
	return a.v.Add(delta)
}

// Swap sets the value and returns the old one.
func (a *AtomicInt64) Swap(v int64, o Ordering) int64 {
	if !validRMW(o) || sched.Installed() {
		checkOrdering("AtomicInt64", "Swap", o, validRMW)
		old, _ := modelUpdate(&a.v, a, o, o, func(int64) (int64, bool) { return v, true })
		return old
	}
	return a.v.Swap(v)
}

// CompareExchange sets the value to new if it is old. It returns the value
// it saw and whether it swapped. success orders the swap, failure the load
// when there is none (Relaxed, Acquire or SeqCst).
func (a *AtomicInt64) CompareExchange(old, new int64, success, failure Ordering) (int64, bool) {
	if !validRMW(success) || !validLoad(failure) || sched.Installed() {
		checkOrdering("AtomicInt64", "CompareExchange", success, validRMW)
		checkFailure("AtomicInt64", failure)
		return modelUpdate(&a.v, a, success, failure, func(v int64) (int64, bool) { return new, v == old })
	}
	for {
		if a.v.CompareAndSwap(old, new) {
			return old, true
		}
		if seen := a.v.Load(); seen != old {
			return seen, false
		}
	}
}

// String formats the value, as Rust's Debug does for atomics.
func (a *AtomicInt64) String() string { return fmt.Sprint(a.Load(SeqCst)) }

// AtomicUint64 is a uint64 updated atomically with an explicit memory
// ordering, like Rust's AtomicU64 (and AtomicUsize on 64-bit targets). The
// zero value is 0. It must not be copied after first use.
type AtomicUint64 struct {
	_ noCopy
	v atomic.Uint64
}

// Load returns the value. o must be Relaxed, Acquire or SeqCst.
func (a *AtomicUint64) Load(o Ordering) uint64 {
	if !validLoad(o) || sched.Installed() {
		checkOrdering("AtomicUint64", "Load", o, validLoad)
		return modelLoad(&a.v, a, o)
	}
	return a.v.Load()
}

// Store sets the value. o must be Relaxed, Release or SeqCst.
func (a *AtomicUint64) Store(v uint64, o Ordering) {
	if !validStore(o) || sched.Installed() {
		checkOrdering("AtomicUint64", "Store", o, validStore)
		modelStore(&a.v, a, v, o)
		return
	}
	a.v.Store(v)
}

// Add adds delta (wrapping around) and returns the new value. To subtract
// d, add ^(d-1).
func (a *AtomicUint64) Add(delta uint64, o Ordering) uint64 {
	if !validRMW(o) || sched.Installed() {
		checkOrdering("AtomicUint64", "Add", o, validRMW)
		old, _ := modelUpdate(&a.v, a, o, o, func(v uint64) (uint64, bool) { return v + delta, true })
		return old + delta
	}
	return a.v.Add(delta)
}

// Swap sets the value and returns the old one.
func (a *AtomicUint64) Swap(v uint64, o Ordering) uint64 {
	if !validRMW(o) || sched.Installed() {
		checkOrdering("AtomicUint64", "Swap", o, validRMW)
		old, _ := modelUpdate(&a.v, a, o, o, func(uint64) (uint64, bool) { return v, true })
		return old
	}
	return a.v.Swap(v)
}

// CompareExchange sets the value to new if it is old. It returns the value
// it saw and whether it swapped.
func (a *AtomicUint64) CompareExchange(old, new uint64, success, failure Ordering) (uint64, bool) {
	if !validRMW(success) || !validLoad(failure) || sched.Installed() {
		checkOrdering("AtomicUint64", "CompareExchange", success, validRMW)
		checkFailure("AtomicUint64", failure)
		return modelUpdate(&a.v, a, success, failure, func(v uint64) (uint64, bool) { return new, v == old })
	}
	for {
		if a.v.CompareAndSwap(old, new) {
			return old, true
		}
		if seen := a.v.Load(); seen != old {
			return seen, false
		}
	}
}

// String formats the value, as Rust's Debug does for atomics.
func (a *AtomicUint64) String() string { return fmt.Sprint(a.Load(SeqCst)) }

// AtomicBool is a bool updated atomically with an explicit memory
// ordering, like Rust's AtomicBool. The zero value is false. It must not be
// copied after first use.
type AtomicBool struct {
	_ noCopy
	v atomic.Bool
}

// Load returns the value. o must be Relaxed, Acquire or SeqCst.
func (a *AtomicBool) Load(o Ordering) bool {
	if !validLoad(o) || sched.Installed() {
		checkOrdering("AtomicBool", "Load", o, validLoad)
		return modelLoad(&a.v, a, o)
	}
	return a.v.Load()
}

// Store sets the value. o must be Relaxed, Release or SeqCst.
func (a *AtomicBool) Store(v bool, o Ordering) {
	if !validStore(o) || sched.Installed() {
		checkOrdering("AtomicBool", "Store", o, validStore)
		modelStore(&a.v, a, v, o)
		return
	}
	a.v.Store(v)
}

// Swap sets the value and returns the old one.
func (a *AtomicBool) Swap(v bool, o Ordering) bool {
	if !validRMW(o) || sched.Installed() {
		checkOrdering("AtomicBool", "Swap", o, validRMW)
		old, _ := modelUpdate(&a.v, a, o, o, func(bool) (bool, bool) { return v, true })
		return old
	}
	return a.v.Swap(v)
}

// CompareExchange sets the value to new if it is old. It returns the value
// it saw and whether it swapped.
func (a *AtomicBool) CompareExchange(old, new bool, success, failure Ordering) (bool, bool) {
	if !validRMW(success) || !validLoad(failure) || sched.Installed() {
		checkOrdering("AtomicBool", "CompareExchange", success, validRMW)
		checkFailure("AtomicBool", failure)
		return modelUpdate(&a.v, a, success, failure, func(v bool) (bool, bool) { return new, v == old })
	}
	if a.v.CompareAndSwap(old, new) {
		return old, true
	}
	// A bool that is not old is !old: nothing else to see.
	return !old, false
}

// String formats the value, as Rust's Debug does for atomics.
func (a *AtomicBool) String() string { return fmt.Sprint(a.Load(SeqCst)) }

// AtomicPointer is a *T updated atomically with an explicit memory
// ordering, like Rust's AtomicPtr. The zero value is nil. It must not be
// copied after first use.
type AtomicPointer[T any] struct {
	_ noCopy
	v atomic.Pointer[T]
}

// Load returns the pointer. o must be Relaxed, Acquire or SeqCst.
func (a *AtomicPointer[T]) Load(o Ordering) *T {
	if !validLoad(o) || sched.Installed() {
		checkOrdering("AtomicPointer", "Load", o, validLoad)
		return modelLoad(&a.v, a, o)
	}
	return a.v.Load()
}

// Store sets the pointer. o must be Relaxed, Release or SeqCst.
func (a *AtomicPointer[T]) Store(p *T, o Ordering) {
	if !validStore(o) || sched.Installed() {
		checkOrdering("AtomicPointer", "Store", o, validStore)
		modelStore(&a.v, a, p, o)
		return
	}
	a.v.Store(p)
}

// Swap sets the pointer and returns the old one.
func (a *AtomicPointer[T]) Swap(p *T, o Ordering) *T {
	if !validRMW(o) || sched.Installed() {
		checkOrdering("AtomicPointer", "Swap", o, validRMW)
		old, _ := modelUpdate(&a.v, a, o, o, func(*T) (*T, bool) { return p, true })
		return old
	}
	return a.v.Swap(p)
}

// CompareExchange sets the pointer to new if it is old. It returns the
// pointer it saw and whether it swapped.
func (a *AtomicPointer[T]) CompareExchange(old, new *T, success, failure Ordering) (*T, bool) {
	if !validRMW(success) || !validLoad(failure) || sched.Installed() {
		checkOrdering("AtomicPointer", "CompareExchange", success, validRMW)
		checkFailure("AtomicPointer", failure)
		return modelUpdate(&a.v, a, success, failure, func(v *T) (*T, bool) { return new, v == old })
	}
	for {
		if a.v.CompareAndSwap(old, new) {
			return old, true
		}
		if seen := a.v.Load(); seen != old {
			return seen, false
		}
	}
}
