package shared

import (
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/label"
	"github.com/fearlessgo/fearless/internal/sched"
)

// Switch points, as a scheduler sees them.
const (
	opLock    sched.Op = "shared.Mutex.Lock"
	opTryLock sched.Op = "shared.Mutex.TryLock"
	opUnlock  sched.Op = "shared.Mutex.Unlock"
	opMutex   sched.Op = "shared.Mutex"
)

// A Mutex owns a value of type T and lets one goroutine at a time reach it:
// the only way to the value is through the guard Lock returns, like Rust's
// std::sync::Mutex. The zero value is an unlocked Mutex holding T's zero
// value. A Mutex must not be copied after first use.
//
// A goroutine that panics while it holds the guard poisons the Mutex when
// the guard is released by a deferred Unlock (defer g.Unlock()) or by With:
// the value may be half-updated. Later Locks still succeed and return the
// guard together with ErrPoisoned, until ClearPoison.
//
// Blocked goroutines park durably (testing/synctest sees them as blocked)
// and are woken roughly in order; a woken waiter that keeps losing the lock
// to newcomers is handed it directly, so none starves.
type Mutex[T any] struct {
	_     noCopy
	raw   rawMutex
	node  atomic.Pointer[lockNode] // deadlock detection; nil until it sees the lock
	label label.Label
	data  T
}

// NewMutex returns a Mutex that owns v. While deadlock detection or the
// schedule explorer is on, it records where it was called, for reports.
func NewMutex[T any](v T) *Mutex[T] {
	m := &Mutex[T]{data: v}
	if tracking() {
		m.label.Record(0)
	}
	return m
}

// Named gives m a name for reports and returns m:
// shared.NewMutex(0).Named("lock_a") shows in deadlock reports and the
// schedule explorer's as "lock_a (Mutex[int] made at main.go:12)". Name a
// lock before its first use: the deadlock detector reads the name when it
// first sees the lock taken.
func (m *Mutex[T]) Named(name string) *Mutex[T] {
	m.label.SetName(name)
	return m
}

// SchedLabel names m in the reports of the deadlock detector and of the
// schedule explorer: by its name and where it was made, as far as they are
// known, or "" when neither is.
func (m *Mutex[T]) SchedLabel() string { return m.label.Describe(kindOf(m)) }

// A MutexGuard is the proof that its holder holds a Mutex: Get reaches the
// value until Unlock. A guard may be handed to another goroutine, which may
// then unlock it, but two goroutines must not use one guard at once.
type MutexGuard[T any] struct {
	m    *Mutex[T]
	held *gstate // deadlock detection: whose held locks to leave
}

// Lock blocks until it holds m and returns the guard. The error is nil or
// ErrPoisoned; with ErrPoisoned the guard is valid and holds the lock all
// the same.
//
// Cost: uncontended, a compare-and-swap in the caller's code and no
// allocation (the compiler inlines Lock, so the guard stays on the caller's
// stack; it does not in a closure that a function inlined into a
// package-level initializer makes, nor under -race, and there each Lock
// allocates its guard); contended, a short spin, then the goroutine parks
// in the Mutex's queue (one allocation, for its place there).
func (m *Mutex[T]) Lock() (*MutexGuard[T], error) {
	// Lock and TryLock are small enough to inline, so the guard lives on
	// the caller's stack: locking allocates nothing. Lock's fast path
	// inlines whole (see fastOr).
	g := &MutexGuard[T]{m: m}
	return g, fastOr(&m.raw, func() error { return m.lockSlow(g) })
}

// TryLock takes m if it is free. It returns ErrWouldBlock (and no guard)
// when another goroutine holds m, and ErrPoisoned with a valid guard when m
// is poisoned.
func (m *Mutex[T]) TryLock() (*MutexGuard[T], error) {
	return m.try(&MutexGuard[T]{m: m})
}

// lock takes m for g: one CAS behind one predictable branch, or the slow
// path, for a scheduler, deadlock detection, a held or a poisoned lock.
func (m *Mutex[T]) lock(g *MutexGuard[T]) error {
	if slowPath() || !m.raw.fastLock() {
		return m.lockSlow(g) // a call of its own keeps lock's frame small
	}
	return nil
}

func (m *Mutex[T]) lockSlow(g *MutexGuard[T]) (err error) {
	g.held, err = acquireSlow(&m.raw, &mutexOps, m, trackedNode(&m.node, m, &m.label), false)
	return err
}

// try is lock without waiting: it returns nil and ErrWouldBlock when the
// lock is held.
func (m *Mutex[T]) try(g *MutexGuard[T]) (*MutexGuard[T], error) {
	if !slowPath() && m.raw.fastLock() {
		return g, nil
	}
	held, err := acquireSlow(&m.raw, &mutexOps, m, trackedNode(&m.node, m, &m.label), true)
	return guarded(g, &g.held, held, err)
}

var mutexOps = lockOps{lock: opLock, tryLock: opTryLock, unlock: opUnlock}

// With runs f with the value under the lock. If f panics, the lock is
// poisoned, released, and the panic goes on. f runs on a poisoned lock
// too; the error is then ErrPoisoned.
func (m *Mutex[T]) With(f func(v *T)) error {
	if f == nil {
		panic("shared: Mutex.With: f is nil; pass the function to call under the lock")
	}
	g, err := m.Lock()
	defer g.Unlock()
	f(g.Get())
	return err
}

// IsPoisoned reports whether a goroutine panicked while holding m.
func (m *Mutex[T]) IsPoisoned() bool {
	sched.Point(opMutex, m)
	return m.raw.poisoned()
}

// ClearPoison marks m as no longer poisoned, once the value is known to be
// consistent again.
func (m *Mutex[T]) ClearPoison() {
	sched.Point(opMutex, m)
	m.raw.clearPoison()
}

// Load returns a copy of the value, taken under the lock. On a poisoned
// Mutex it returns the value and ErrPoisoned.
func (m *Mutex[T]) Load() (T, error) {
	g, err := m.Lock()
	v := m.data
	g.Unlock()
	return v, err
}

// Set stores v under the lock. A poisoned Mutex keeps its value and Set
// returns ErrPoisoned, as Rust's Mutex::set does.
func (m *Mutex[T]) Set(v T) error {
	g, err := m.Lock()
	if err == nil {
		m.data = v
	}
	g.Unlock()
	return err
}

// Replace stores v under the lock and returns the value it replaced. A
// poisoned Mutex keeps its value and Replace returns v back with
// ErrPoisoned, as Rust's Mutex::replace does.
func (m *Mutex[T]) Replace(v T) (T, error) {
	g, err := m.Lock()
	if err == nil {
		v, m.data = m.data, v
	}
	g.Unlock()
	return v, err
}

// String formats m like Rust's Debug: "Mutex { data: 6 }", or
// "Mutex { data: <locked> }" while another goroutine holds it, with
// ", poisoned: true" before the brace when m is poisoned. It does not wait.
func (m *Mutex[T]) String() string {
	g, err := m.TryLock()
	if err == ErrWouldBlock {
		return lockString("Mutex", "<locked>", m.raw.poisoned())
	}
	// Not a plain defer: a panic while formatting must not poison.
	defer func() { g.Unlock() }()
	return lockString("Mutex", debugString(&m.data), err != nil)
}

// Get returns the value the guard gives access to. It panics if the guard
// was unlocked: the pointer must not outlive the guard.
func (g *MutexGuard[T]) Get() *T {
	if g.m == nil {
		panic("shared: MutexGuard.Get after Unlock; keep the guard locked while using the value")
	}
	return &g.m.data
}

// String formats the guarded value like Rust's Debug.
func (g *MutexGuard[T]) String() string { return debugString(g.Get()) }

// Unlock releases the lock. It is idempotent: calls after the first do
// nothing, so an early Unlock can stand beside a deferred one.
//
// When Unlock is the deferred call itself (defer g.Unlock()) and the
// goroutine is panicking, it poisons the lock first, then lets the panic go
// on. Go has no query for "panicking", so Unlock recovers the panic, which
// only a directly deferred call can, and panics again with the same value:
// the trace then reads "panic: <value> [recovered, repanicked]" and still
// shows where the first panic happened. Unlock called from a deferred
// closure (defer func() { g.Unlock() }()) cannot see the panic and does not
// poison.
func (g *MutexGuard[T]) Unlock() {
	if r := recover(); r != nil {
		g.release(true)
		panic(r)
	}
	m := g.m
	if m == nil {
		return
	}
	// g.held is set when this Lock went the long way (see untracked).
	if g.held != nil || !m.raw.fastUnlock() {
		g.release(false)
		return
	}
	g.m = nil
}

// release unlocks the long way: the switch point, deadlock detection,
// poisoning and waking a waiter.
func (g *MutexGuard[T]) release(poison bool) {
	m := g.m
	if m == nil {
		return
	}
	held := g.held
	g.m, g.held = nil, nil
	releaseSlow(&m.raw, &mutexOps, m, held, m.node.Load(), poison)
}
