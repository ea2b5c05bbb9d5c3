package shared

import (
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/backoff"
)

// rawMutex state bits.
const (
	mutexLocked   int32 = 1 << iota // held
	mutexPoisoned                   // a holder panicked
	mutexWaiters                    // the queue may be non-empty: unlock must look
)

// handoffAfter is how many times a woken waiter may lose the lock to a
// newcomer before unlock hands the lock to it directly, so that no waiter
// starves.
const handoffAfter = 2

// lockSpins is how many rounds a contended lock spins before it parks: a
// few, for a holder about to unlock. A waiter does not yield: a yielding
// waiter stays runnable and keeps taking a processor while the lock is
// held, and on bench's contended rows yielding made the lock slower than
// parking did. A parked waiter leaves the holder to take the lock again,
// and handoffAfter bounds what that costs the waiter.
const lockSpins = 3

// rawMutex is the lock beneath Mutex and RwLock: one atomic word on the
// fast path and a FIFO of parked waiters on the slow one. Its zero value is
// unlocked. The word also holds a Mutex's poison (an RwLock keeps its own
// in its reader word, and never poisons the rawMutex that orders its
// writers): a poisoned lock fails the one-CAS fast path, so checking for
// poison costs that path nothing.
//
// A contended lock spins lockSpins rounds of internal/backoff, then parks
// (it never yields). It parks only through sched.Parker, so a goroutine
// blocked here is durably blocked for testing/synctest and a model
// scheduler can take the wait over.
//
// Newcomers may take the lock ahead of woken waiters (as sync.Mutex lets
// them), which keeps throughput high under contention; a waiter that lost
// handoffAfter times is handed the lock directly.
type rawMutex struct {
	state atomic.Int32
	qmu   sync.Mutex // guards q; held only for queue updates, never while parked
	q     waitQueue
}

// lock takes the lock and reports whether it is poisoned.
func (r *rawMutex) lock() (poisoned bool) {
	if r.fastLock() {
		return false
	}
	return r.lockSlow()
}

// fastLock takes the lock with one CAS if it is free and not poisoned: the
// fast path of the Mutex and RwLock methods.
func (r *rawMutex) fastLock() bool { return r.state.CompareAndSwap(0, mutexLocked) }

// fastUnlock releases the lock with one CAS if nobody waits and it need
// not be poisoned.
func (r *rawMutex) fastUnlock() bool { return r.state.CompareAndSwap(mutexLocked, 0) }

func (r *rawMutex) lockSlow() (poisoned bool) {
	var w *waiter
	wait := backoff.New(lockSpins, 0)
	for {
		s := r.state.Load()
		if s&mutexLocked == 0 {
			if r.state.CompareAndSwap(s, s|mutexLocked) {
				return s&mutexPoisoned != 0
			}
			continue
		}
		if !wait.Done() {
			wait.Snooze()
			continue
		}
		if w == nil {
			w = newWaiter()
		}
		if !r.enqueue(w) {
			continue // unlocked meanwhile: try again
		}
		w.p.Park()
		if w.handoff {
			return r.state.Load()&mutexPoisoned != 0
		}
		w.wakeups++
		wait.Reset()
	}
}

// enqueue queues w unless the lock is free, and reports whether it did. A
// waiter that was woken before goes to the front.
func (r *rawMutex) enqueue(w *waiter) bool {
	r.qmu.Lock()
	defer r.qmu.Unlock()
	for {
		s := r.state.Load()
		if s&mutexLocked == 0 {
			return false
		}
		// With the waiters bit set, unlock goes through qmu, so it will
		// see w once it is queued.
		if s&mutexWaiters != 0 || r.state.CompareAndSwap(s, s|mutexWaiters) {
			break
		}
	}
	if w.wakeups > 0 {
		r.q.pushFront(w)
	} else {
		r.q.pushBack(w)
	}
	return true
}

// tryLock takes the lock if it is free. It reports whether it did and
// whether the lock is poisoned.
func (r *rawMutex) tryLock() (ok, poisoned bool) {
	for {
		s := r.state.Load()
		if s&mutexLocked != 0 {
			return false, false
		}
		if r.state.CompareAndSwap(s, s|mutexLocked) {
			return true, s&mutexPoisoned != 0
		}
	}
}

// unlock releases the lock, poisoning it first if poison is set.
func (r *rawMutex) unlock(poison bool) {
	if !poison && r.fastUnlock() {
		return
	}
	r.unlockSlow(poison)
}

func (r *rawMutex) unlockSlow(poison bool) {
	// Nobody waits (a poisoned lock, or one being poisoned): no queue to
	// look at. A waiter that queues meanwhile sets the waiters bit first,
	// which fails the CAS.
	for {
		s := r.state.Load()
		if s&mutexWaiters != 0 {
			break
		}
		n := s &^ mutexLocked
		if poison {
			n |= mutexPoisoned
		}
		if r.state.CompareAndSwap(s, n) {
			return
		}
	}
	r.qmu.Lock()
	w := r.q.popFront()
	handoff := w != nil && w.wakeups >= handoffAfter
	for {
		// Only ClearPoison changes the word while we hold the lock and qmu.
		s := r.state.Load()
		n := s
		if !handoff {
			n &^= mutexLocked
		}
		if poison {
			n |= mutexPoisoned
		}
		if r.q.empty() {
			n &^= mutexWaiters
		}
		if r.state.CompareAndSwap(s, n) {
			break
		}
	}
	if w != nil {
		w.handoff = handoff
	}
	r.qmu.Unlock()
	if w != nil {
		w.p.Unpark()
	}
}

func (r *rawMutex) poisoned() bool { return r.state.Load()&mutexPoisoned != 0 }
func (r *rawMutex) clearPoison()   { r.state.And(^mutexPoisoned) }
