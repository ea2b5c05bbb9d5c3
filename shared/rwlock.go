package shared

import (
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/label"
	"github.com/fearlessgo/fearless/internal/sched"
)

const (
	opRead     sched.Op = "shared.RwLock.Read"
	opTryRead  sched.Op = "shared.RwLock.TryRead"
	opWrite    sched.Op = "shared.RwLock.Write"
	opTryWrite sched.Op = "shared.RwLock.TryWrite"
	opRUnlock  sched.Op = "shared.RwLock.ReadUnlock"
	opWUnlock  sched.Op = "shared.RwLock.WriteUnlock"
	opRwLock   sched.Op = "shared.RwLock"
)

// An RwLock owns a value of type T and lets either any number of readers
// or one writer reach it, like Rust's std::sync::RwLock. The zero value is
// an unlocked RwLock holding T's zero value. An RwLock must not be copied
// after first use.
//
// It prefers writers: once a writer waits, new readers wait behind it, so
// a stream of readers cannot starve a writer; the readers waiting when the
// writer unlocks go before the next writer. Because of that, a goroutine
// must not Read while it already holds a read lock of the same RwLock: a
// writer arriving in between deadlocks both (deadlock detection reports it).
//
// A writer that panics while holding its guard poisons the lock, as for
// Mutex; a panicking reader does not, since it cannot have changed the
// value. Blocked goroutines park durably.
type RwLock[T any] struct {
	_     noCopy
	raw   rawRWLock
	node  atomic.Pointer[lockNode]
	label label.Label
	data  T
}

// NewRwLock returns an RwLock that owns v. Like NewMutex, it records where
// it was called while deadlock detection or the schedule explorer is on.
func NewRwLock[T any](v T) *RwLock[T] {
	l := &RwLock[T]{data: v}
	if tracking() {
		l.label.Record(0)
	}
	return l
}

// Named gives l a name for reports and returns l, as Mutex.Named does.
func (l *RwLock[T]) Named(name string) *RwLock[T] {
	l.label.SetName(name)
	return l
}

// SchedLabel names l in reports, as Mutex.SchedLabel does.
func (l *RwLock[T]) SchedLabel() string { return l.label.Describe(kindOf(l)) }

// A ReadGuard is a read lock: Get reaches the value, read only, until
// Unlock. Like a MutexGuard, it may change hands but not be shared.
type ReadGuard[T any] struct {
	l    *RwLock[T]
	held *gstate
}

// A WriteGuard is the write lock: Get reaches the value until Unlock. Like
// a MutexGuard, it may change hands but not be shared.
type WriteGuard[T any] struct {
	l    *RwLock[T]
	held *gstate
}

// Read blocks while a writer holds or waits for l, then returns a read
// guard. The error is nil or ErrPoisoned (the guard is valid either way).
func (l *RwLock[T]) Read() (*ReadGuard[T], error) {
	// The four lock methods inline, so guards live on the caller's stack;
	// Read's fast path inlines whole (see rlockOr).
	g := &ReadGuard[T]{l: l}
	return g, rlockOr(&l.raw, func(word int32) error { return l.readSlow(g, word) })
}

// TryRead returns a read guard if no writer holds or waits for l, and
// ErrWouldBlock (with no guard) otherwise.
func (l *RwLock[T]) TryRead() (*ReadGuard[T], error) {
	return l.read(&ReadGuard[T]{l: l}, true)
}

// Write blocks until no reader or writer holds l, then returns the write
// guard. The error is nil or ErrPoisoned (the guard is valid either way).
func (l *RwLock[T]) Write() (*WriteGuard[T], error) {
	return l.write(&WriteGuard[T]{l: l}, false)
}

// TryWrite returns the write guard if l is free, and ErrWouldBlock (with
// no guard) otherwise.
func (l *RwLock[T]) TryWrite() (*WriteGuard[T], error) {
	return l.write(&WriteGuard[T]{l: l}, true)
}

var (
	readOps  = lockOps{lock: opRead, tryLock: opTryRead, unlock: opRUnlock}
	writeOps = lockOps{lock: opWrite, tryLock: opTryWrite, unlock: opWUnlock}
)

// readSlow is Read past rlockOr's fast path for g: word is the reader word
// rlockOr's add returned, or notCounted.
func (l *RwLock[T]) readSlow(g *ReadGuard[T], word int32) (err error) {
	if word == notCounted {
		g.held, err = l.take((*rwReadSide)(&l.raw), &readOps, false)
		return err
	}
	if word < 0 {
		l.raw.rlockWait() // counted in: wait for the writer ahead
	}
	return poisonErr(l.raw.poisoned())
}

func (l *RwLock[T]) read(g *ReadGuard[T], try bool) (*ReadGuard[T], error) {
	held, err := l.take((*rwReadSide)(&l.raw), &readOps, try)
	return guarded(g, &g.held, held, err)
}

func (l *RwLock[T]) write(g *WriteGuard[T], try bool) (*WriteGuard[T], error) {
	if !try && !slowPath() {
		return g, poisonErr(l.raw.lock())
	}
	held, err := l.take(&l.raw, &writeOps, try)
	return guarded(g, &g.held, held, err)
}

// take is read and write past their fast paths: side is the side of l to
// take.
func (l *RwLock[T]) take(side rawLock, ops *lockOps, try bool) (*gstate, error) {
	if try && !slowPath() {
		ok, poisoned := side.tryLock()
		if !ok {
			return nil, ErrWouldBlock
		}
		return nil, poisonErr(poisoned)
	}
	return acquireSlow(side, ops, l, trackedNode(&l.node, l, &l.label), try)
}

// IsPoisoned reports whether a writer panicked while holding l.
func (l *RwLock[T]) IsPoisoned() bool {
	sched.Point(opRwLock, l)
	return l.raw.poisoned()
}

// ClearPoison marks l as no longer poisoned.
func (l *RwLock[T]) ClearPoison() {
	sched.Point(opRwLock, l)
	l.raw.clearPoison()
}

// Load returns a copy of the value, taken under a read lock. On a poisoned
// RwLock it returns the value and ErrPoisoned.
func (l *RwLock[T]) Load() (T, error) {
	g, err := l.Read()
	v := l.data
	g.Unlock()
	return v, err
}

// Set stores v under the write lock. A poisoned RwLock keeps its value and
// Set returns ErrPoisoned.
func (l *RwLock[T]) Set(v T) error {
	g, err := l.Write()
	if err == nil {
		l.data = v
	}
	g.Unlock()
	return err
}

// Replace stores v under the write lock and returns the value it replaced.
// A poisoned RwLock keeps its value and Replace returns v back with
// ErrPoisoned.
func (l *RwLock[T]) Replace(v T) (T, error) {
	g, err := l.Write()
	if err == nil {
		v, l.data = l.data, v
	}
	g.Unlock()
	return v, err
}

// String formats l like Rust's Debug: "RwLock { data: [1, 2, 3] }", with
// <locked> while a writer holds or waits for it and ", poisoned: true" when
// poisoned. It does not wait.
func (l *RwLock[T]) String() string {
	g, err := l.TryRead()
	if err == ErrWouldBlock {
		return lockString("RwLock", "<locked>", l.raw.poisoned())
	}
	defer g.Unlock()
	return lockString("RwLock", debugString(&l.data), err != nil)
}

// Get returns the value, to be read only while the guard is locked. It
// panics if the guard was unlocked.
func (g *ReadGuard[T]) Get() *T {
	if g.l == nil {
		panic("shared: ReadGuard.Get after Unlock; keep the guard locked while using the value")
	}
	return &g.l.data
}

// String formats the guarded value like Rust's Debug.
func (g *ReadGuard[T]) String() string { return debugString(g.Get()) }

// Unlock releases the read lock. It is idempotent. A reader's panic does
// not poison the lock.
func (g *ReadGuard[T]) Unlock() {
	if l := g.l; l != nil {
		g.l = nil
		runlockOr(&l.raw, g.held, func() { l.unlockSlow(g) })
	}
}

// unlockSlow is a read unlock past runlockOr's fast path, for g: the rest
// of it if g was counted out (g.held is nil), else the long way.
func (l *RwLock[T]) unlockSlow(g *ReadGuard[T]) {
	held := g.held
	g.held = nil
	if held == nil {
		l.raw.runlockSlow()
		return
	}
	releaseSlow((*rwReadSide)(&l.raw), &readOps, l, held, l.node.Load(), false)
}

// Get returns the value, to be read and written while the guard is locked.
// It panics if the guard was unlocked.
func (g *WriteGuard[T]) Get() *T {
	if g.l == nil {
		panic("shared: WriteGuard.Get after Unlock; keep the guard locked while using the value")
	}
	return &g.l.data
}

// String formats the guarded value like Rust's Debug.
func (g *WriteGuard[T]) String() string { return debugString(g.Get()) }

// Unlock releases the write lock. It is idempotent. As for MutexGuard, a
// deferred Unlock (defer g.Unlock()) that runs because the goroutine is
// panicking poisons the lock and lets the panic go on.
func (g *WriteGuard[T]) Unlock() {
	if r := recover(); r != nil {
		g.release(true)
		panic(r)
	}
	g.release(false)
}

func (g *WriteGuard[T]) release(poison bool) {
	l := g.l
	if l == nil {
		return
	}
	held := g.held
	g.l, g.held = nil, nil
	if held != nil { // the long way (see untracked)
		releaseSlow(&l.raw, &writeOps, l, held, l.node.Load(), poison)
		return
	}
	l.raw.unlock(poison)
}
