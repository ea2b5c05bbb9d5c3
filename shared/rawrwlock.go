package shared

import "sync/atomic"

// rwMaxReaders is subtracted from the reader count while a writer holds or
// waits for the lock, which both turns new readers away and keeps count of
// them.
const rwMaxReaders = 1 << 30

// rawRWLock is the lock beneath RwLock: a reader count that readers change
// with one atomic add, a rawMutex that orders writers, and two semaphores
// on which readers wait for a writer and a writer waits for the readers
// that were in when it arrived. A writer announces itself by making the
// count negative, after which new readers wait: the lock prefers writers.
//
// The writers' rawMutex holds the poison: a writer that panics poisons it
// as a Mutex is poisoned, and readers read it there.
//
// rawRWLock is the write side of the lock as a rawLock; rwReadSide is the
// read side.
type rawRWLock struct {
	w         rawMutex
	readers   atomic.Int32 // readers in or waiting; minus rwMaxReaders under a writer
	departing atomic.Int32 // readers the waiting writer still waits for
	writerSem sema
	readerSem sema
}

func (r *rawRWLock) poisoned() bool { return r.w.poisoned() }
func (r *rawRWLock) clearPoison()   { r.w.clearPoison() }

// fastRLock counts a reader in and reports whether it may go on at once;
// if not, the reader is counted and must rlockWait.
func (r *rawRWLock) fastRLock() bool { return r.readers.Add(1) >= 0 }

// rlockWait waits, for a reader fastRLock counted in, until the writer
// ahead of it unlocks, which lets the reader in by making the count
// non-negative again.
func (r *rawRWLock) rlockWait() {
	r.readerSem.acquireWhen(func() bool { return r.readers.Load() >= 0 })
}

// fastRUnlock counts a reader out and reports whether that was all; if
// not, a writer waits and runlockSlow must follow.
func (r *rawRWLock) fastRUnlock() bool { return r.readers.Add(-1) >= 0 }

// runlockSlow is the rest of a reader's unlock while a writer waits: the
// last reader the writer waits for wakes it.
func (r *rawRWLock) runlockSlow() {
	if r.departing.Add(-1) == 0 {
		r.writerSem.release(1)
	}
}

func (r *rawRWLock) lock() (poisoned bool) {
	poisoned = r.w.lock()
	in := r.readers.Add(-rwMaxReaders) + rwMaxReaders
	if in != 0 && r.departing.Add(in) != 0 {
		// The readers that were in are usually about to leave.
		r.writerSem.acquireWhen(func() bool { return r.departing.Load() <= 0 })
	}
	return poisoned
}

func (r *rawRWLock) tryLock() (ok, poisoned bool) {
	if ok, poisoned = r.w.tryLock(); !ok {
		return false, false
	}
	if !r.readers.CompareAndSwap(0, -rwMaxReaders) {
		r.w.unlock(false)
		return false, false
	}
	return true, poisoned
}

func (r *rawRWLock) unlock(poison bool) {
	// Readers that arrived meanwhile are counted in readers: let them in
	// before the next writer can announce itself, and poison first, so
	// that they see it.
	if poison {
		r.w.poison()
	}
	if waiting := r.readers.Add(rwMaxReaders); waiting > 0 {
		r.readerSem.release(int(waiting))
	}
	r.w.unlock(false)
}

// rwReadSide is a rawRWLock's read side, as a rawLock. A reader cannot
// poison the lock: it cannot have changed the value.
type rwReadSide rawRWLock

func (r *rwReadSide) raw() *rawRWLock { return (*rawRWLock)(r) }

func (r *rwReadSide) lock() (poisoned bool) {
	if !r.raw().fastRLock() {
		r.raw().rlockWait()
	}
	return r.raw().poisoned()
}

func (r *rwReadSide) tryLock() (ok, poisoned bool) {
	for {
		c := r.readers.Load()
		if c < 0 {
			return false, false
		}
		if r.readers.CompareAndSwap(c, c+1) {
			return true, r.raw().poisoned()
		}
	}
}

func (r *rwReadSide) unlock(bool) {
	if !r.raw().fastRUnlock() {
		r.raw().runlockSlow()
	}
}
