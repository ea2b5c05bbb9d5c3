package shared

import (
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/label"
	"github.com/fearlessgo/fearless/internal/sched"
)

// The one long way into and out of every lock, Mutex and RwLock alike, for
// what their fast paths (an atomic operation or two, most in fastcall.go)
// leave out: a scheduler's switch point, deadlock detection's record of
// the hold, and the wait itself.

// A rawLock is one way of holding a lock: a rawMutex, or the read or the
// write side of a rawRWLock. Poisoning lives in the word the fast path
// changes: a Mutex's rawMutex state, an RwLock's reader word (see
// rawMutex and rwReader).
type rawLock interface {
	// lock blocks until it holds the lock and reports whether the lock is
	// poisoned.
	lock() (poisoned bool)
	// tryLock takes the lock if it can without waiting, and reports
	// whether it did and whether the lock is poisoned.
	tryLock() (ok, poisoned bool)
	// unlock releases the lock, poisoning it first if poison is set.
	unlock(poison bool)
}

// lockOps names a lock mode's switch points, as a scheduler sees them.
type lockOps struct{ lock, tryLock, unlock sched.Op }

// acquireSlow takes raw, the lock obj in one of its modes, the long way:
// the switch point, then deadlock detection when n (the lock's node) is not
// nil, and the wait. It returns the gstate the guard must release from
// detection, and ErrWouldBlock (try only), ErrPoisoned or nil.
func acquireSlow(raw rawLock, ops *lockOps, obj any, n *lockNode, try bool) (held *gstate, err error) {
	if try {
		sched.Point(ops.tryLock, obj)
	} else {
		sched.Point(ops.lock, obj)
	}
	ok, poisoned := true, false
	switch {
	case n != nil:
		held, poisoned = acquireTracked(n, raw, try)
		ok = held != nil
	case try:
		ok, poisoned = raw.tryLock()
	default:
		poisoned = raw.lock()
	}
	if !ok {
		return nil, ErrWouldBlock
	}
	if held == nil {
		held = &untracked
	}
	return held, poisonErr(poisoned)
}

// untracked is the held of a guard that took its lock the long way while
// detection was off (for a scheduler): a guard whose held is not nil
// unlocks the long way too, which is all its Unlock has to look at, and
// untracked has no hold for detection to forget. A guard whose lock was
// taken on the fast path unlocks on the fast path, even if a scheduler
// came meanwhile: the scheduler never saw it taken.
var untracked gstate

// releaseSlow releases raw, held in one of obj's modes, the long way: the
// switch point, detection's record of the hold (held, if not nil; n is the
// lock's node), then the unlock, poisoning first when poison is set.
func releaseSlow(raw rawLock, ops *lockOps, obj any, held *gstate, n *lockNode, poison bool) {
	sched.Point(ops.unlock, obj)
	if held != nil && held != &untracked {
		releaseHeld(held, n)
	}
	raw.unlock(poison)
}

// guarded is what a lock method returns once acquireSlow gave held and
// err for guard g, whose detection slot is slot: no guard with
// ErrWouldBlock, else g holding the lock.
func guarded[G any](g *G, slot **gstate, held *gstate, err error) (*G, error) {
	if err == ErrWouldBlock {
		return nil, err
	}
	*slot = held
	return g, err
}

// trackedNode returns the lock-order node of owner, whose node slot is slot
// and whose label is lb, while deadlock detection is on, and nil when it
// is off.
func trackedNode[L any](slot *atomic.Pointer[lockNode], owner *L, lb *label.Label) *lockNode {
	if !detecting.Load() {
		return nil
	}
	return nodeOf(slot, owner, lb)
}
