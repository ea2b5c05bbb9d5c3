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

// Each method below is one sync/atomic operation behind one predictable
// branch on a word of fastpath.go. Load and Store are written out to fit
// Go's inlining budget (those of the integer types inline): the branch
// spelled in place, the slow path in an out-of-line method. A bad ordering
// or an installed scheduler goes the slow way, through the functions in
// this block: they check the ordering, then give the scheduler its switch
// point and its memory model if it has one (sched.Memory), keeping the real
// word up to date so that values stay coherent when the model stops.

// cell is what the atomics of sync/atomic have in common.
type cell[V comparable] interface {
	Load() V
	Store(V)
}

func slowLoad[V comparable, C cell[V]](c C, loc any, typ string, o Ordering) V {
	checkOrdering(typ, "Load", o, loadOrderings)
	sched.Point(opAtomicLoad, loc)
	if mem := sched.ActiveMemory(); mem != nil {
		return mem.Load(loc, int(o), c.Load()).(V)
	}
	return c.Load()
}

func slowStore[V comparable, C cell[V]](c C, loc any, typ string, v V, o Ordering) {
	checkOrdering(typ, "Store", o, storeOrderings)
	sched.Point(opAtomicStore, loc)
	if mem := sched.ActiveMemory(); mem != nil {
		mem.Store(loc, int(o), v, c.Load())
	}
	c.Store(v)
}

func slowAdd[V ~int64 | ~uint64, C cell[V]](c C, loc any, typ string, delta V, o Ordering) V {
	checkOrdering(typ, "Add", o, rmwOrderings)
	old, _ := slowUpdate(c, loc, o, o, func(v V) (V, bool) { return v + delta, true })
	return old + delta
}

func slowSwap[V comparable, C cell[V]](c C, loc any, typ string, v V, o Ordering) V {
	checkOrdering(typ, "Swap", o, rmwOrderings)
	old, _ := slowUpdate(c, loc, o, o, func(V) (V, bool) { return v, true })
	return old
}

func slowCompareExchange[V comparable, C cell[V]](c C, loc any, typ string, old, new V, success, failure Ordering) (V, bool) {
	checkOrdering(typ, "CompareExchange", success, rmwOrderings)
	checkFailure(typ, failure)
	return slowUpdate(c, loc, success, failure, func(v V) (V, bool) { return new, v == old })
}

// slowUpdate is a read-modify-write: f gets the latest value and returns
// the new one and whether to store it. It returns the value read and
// whether it stored.
func slowUpdate[V comparable, C cell[V]](c C, loc any, success, failure Ordering, f func(V) (V, bool)) (V, bool) {
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
	// Without a scheduler this runs only for a bad ordering, which panicked
	// above; with one, one goroutine runs at a time, so this is atomic.
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
	if atomic.LoadUint32(&fastLoad)>>uint(o)&1 == 0 {
		return a.loadSlow(o)
	}
	return a.v.Load()
}

// Store sets the value. o must be Relaxed, Release or SeqCst.
func (a *AtomicInt64) Store(v int64, o Ordering) {
	if atomic.LoadUint32(&fastStore)>>uint(o)&1 != 0 {
		a.v.Store(v)
	} else {
		a.storeSlow(v, o)
	}
}

// Add adds delta and returns the new value, as sync/atomic does (Rust's
// fetch_add returns the old one).
func (a *AtomicInt64) Add(delta int64, o Ordering) int64 {
	if !fast(&fastRMW, o) {
		return slowAdd(&a.v, a, "AtomicInt64", delta, o)
	}
	return a.v.Add(delta)
}

// Swap sets the value and returns the old one.
func (a *AtomicInt64) Swap(v int64, o Ordering) int64 {
	if !fast(&fastRMW, o) {
		return slowSwap(&a.v, a, "AtomicInt64", v, o)
	}
	return a.v.Swap(v)
}

// CompareExchange sets the value to new if it is old. It returns the value
// it saw and whether it swapped. success orders the swap, failure the load
// when there is none (Relaxed, Acquire or SeqCst).
func (a *AtomicInt64) CompareExchange(old, new int64, success, failure Ordering) (int64, bool) {
	if !fast(&fastRMW, success) || !fast(&fastLoad, failure) {
		return slowCompareExchange(&a.v, a, "AtomicInt64", old, new, success, failure)
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

// The slow paths of Load and Store, out of line (see the top of the file).

//go:noinline
func (a *AtomicInt64) loadSlow(o Ordering) int64 { return slowLoad(&a.v, a, "AtomicInt64", o) }

//go:noinline
func (a *AtomicInt64) storeSlow(v int64, o Ordering) { slowStore(&a.v, a, "AtomicInt64", v, o) }

// AtomicUint64 is a uint64 updated atomically with an explicit memory
// ordering, like Rust's AtomicU64 (and AtomicUsize on 64-bit targets). The
// zero value is 0. It must not be copied after first use.
type AtomicUint64 struct {
	_ noCopy
	v atomic.Uint64
}

// Load returns the value. o must be Relaxed, Acquire or SeqCst.
func (a *AtomicUint64) Load(o Ordering) uint64 {
	if atomic.LoadUint32(&fastLoad)>>uint(o)&1 == 0 {
		return a.loadSlow(o)
	}
	return a.v.Load()
}

// Store sets the value. o must be Relaxed, Release or SeqCst.
func (a *AtomicUint64) Store(v uint64, o Ordering) {
	if atomic.LoadUint32(&fastStore)>>uint(o)&1 != 0 {
		a.v.Store(v)
	} else {
		a.storeSlow(v, o)
	}
}

// Add adds delta (wrapping around) and returns the new value. To subtract
// d, add ^(d-1).
func (a *AtomicUint64) Add(delta uint64, o Ordering) uint64 {
	if !fast(&fastRMW, o) {
		return slowAdd(&a.v, a, "AtomicUint64", delta, o)
	}
	return a.v.Add(delta)
}

// Swap sets the value and returns the old one.
func (a *AtomicUint64) Swap(v uint64, o Ordering) uint64 {
	if !fast(&fastRMW, o) {
		return slowSwap(&a.v, a, "AtomicUint64", v, o)
	}
	return a.v.Swap(v)
}

// CompareExchange sets the value to new if it is old. It returns the value
// it saw and whether it swapped.
func (a *AtomicUint64) CompareExchange(old, new uint64, success, failure Ordering) (uint64, bool) {
	if !fast(&fastRMW, success) || !fast(&fastLoad, failure) {
		return slowCompareExchange(&a.v, a, "AtomicUint64", old, new, success, failure)
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

// The slow paths of Load and Store, out of line (see the top of the file).

//go:noinline
func (a *AtomicUint64) loadSlow(o Ordering) uint64 { return slowLoad(&a.v, a, "AtomicUint64", o) }

//go:noinline
func (a *AtomicUint64) storeSlow(v uint64, o Ordering) { slowStore(&a.v, a, "AtomicUint64", v, o) }

// AtomicBool is a bool updated atomically with an explicit memory
// ordering, like Rust's AtomicBool. The zero value is false. It must not be
// copied after first use.
type AtomicBool struct {
	_ noCopy
	v atomic.Bool
}

// Load returns the value. o must be Relaxed, Acquire or SeqCst.
func (a *AtomicBool) Load(o Ordering) bool {
	if atomic.LoadUint32(&fastLoad)>>uint(o)&1 == 0 {
		return a.loadSlow(o)
	}
	return a.v.Load()
}

// Store sets the value. o must be Relaxed, Release or SeqCst.
func (a *AtomicBool) Store(v bool, o Ordering) {
	if atomic.LoadUint32(&fastStore)>>uint(o)&1 != 0 {
		a.v.Store(v)
	} else {
		a.storeSlow(v, o)
	}
}

// Swap sets the value and returns the old one.
func (a *AtomicBool) Swap(v bool, o Ordering) bool {
	if !fast(&fastRMW, o) {
		return slowSwap(&a.v, a, "AtomicBool", v, o)
	}
	return a.v.Swap(v)
}

// CompareExchange sets the value to new if it is old. It returns the value
// it saw and whether it swapped.
func (a *AtomicBool) CompareExchange(old, new bool, success, failure Ordering) (bool, bool) {
	if !fast(&fastRMW, success) || !fast(&fastLoad, failure) {
		return slowCompareExchange(&a.v, a, "AtomicBool", old, new, success, failure)
	}
	if a.v.CompareAndSwap(old, new) {
		return old, true
	}
	// A bool that is not old is !old: nothing else to see.
	return !old, false
}

// String formats the value, as Rust's Debug does for atomics.
func (a *AtomicBool) String() string { return fmt.Sprint(a.Load(SeqCst)) }

// The slow paths of Load and Store, out of line (see the top of the file).

//go:noinline
func (a *AtomicBool) loadSlow(o Ordering) bool { return slowLoad(&a.v, a, "AtomicBool", o) }

//go:noinline
func (a *AtomicBool) storeSlow(v bool, o Ordering) { slowStore(&a.v, a, "AtomicBool", v, o) }

// AtomicPointer is a *T updated atomically with an explicit memory
// ordering, like Rust's AtomicPtr. The zero value is nil. It must not be
// copied after first use.
type AtomicPointer[T any] struct {
	_ noCopy
	v atomic.Pointer[T]
}

// Load returns the pointer. o must be Relaxed, Acquire or SeqCst.
func (a *AtomicPointer[T]) Load(o Ordering) *T {
	if atomic.LoadUint32(&fastLoad)>>uint(o)&1 == 0 {
		return a.loadSlow(o)
	}
	return a.v.Load()
}

// Store sets the pointer. o must be Relaxed, Release or SeqCst.
func (a *AtomicPointer[T]) Store(p *T, o Ordering) {
	if atomic.LoadUint32(&fastStore)>>uint(o)&1 != 0 {
		a.v.Store(p)
	} else {
		a.storeSlow(p, o)
	}
}

// Swap sets the pointer and returns the old one.
func (a *AtomicPointer[T]) Swap(p *T, o Ordering) *T {
	if !fast(&fastRMW, o) {
		return slowSwap(&a.v, a, "AtomicPointer", p, o)
	}
	return a.v.Swap(p)
}

// CompareExchange sets the pointer to new if it is old. It returns the
// pointer it saw and whether it swapped.
func (a *AtomicPointer[T]) CompareExchange(old, new *T, success, failure Ordering) (*T, bool) {
	if !fast(&fastRMW, success) || !fast(&fastLoad, failure) {
		return slowCompareExchange(&a.v, a, "AtomicPointer", old, new, success, failure)
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

// The slow paths of Load and Store, out of line (see the top of the file).

//go:noinline
func (a *AtomicPointer[T]) loadSlow(o Ordering) *T { return slowLoad(&a.v, a, "AtomicPointer", o) }

//go:noinline
func (a *AtomicPointer[T]) storeSlow(p *T, o Ordering) { slowStore(&a.v, a, "AtomicPointer", p, o) }
