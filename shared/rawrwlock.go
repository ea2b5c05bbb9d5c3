package shared

import "sync/atomic"

// The reader word of a rawRWLock: bit 0 is the poison, the rest counts
// readers in units of rwReader, and rwMaxReaders is subtracted from it
// while a writer holds or waits for the lock, which both turns new readers
// away and keeps count of them. Keeping the poison in the word readers add
// to lets a reader learn with one atomic add that it may go on and that
// the lock is not poisoned: the whole fast path of Read (see rlockOr).
const (
	rwPoisoned   int32 = 1
	rwReader     int32 = 2
	rwMaxReaders int32 = 1 << 30
)

// rawRWLock is the lock beneath RwLock: a reader word that readers change
// with one atomic add, a rawMutex that orders writers, and two semaphores
// on which readers wait for a writer and a writer waits for the readers
// that were in when it arrived. A writer announces itself by making the
// count negative, after which new readers wait: the lock prefers writers.
//
// The reader word holds the poison, for readers and writers alike; the
// writers' rawMutex is never poisoned.
//
// rawRWLock is the write side of the lock as a rawLock; rwReadSide is the
// read side.
type rawRWLock struct {
	readers   atomic.Int32 // see rwReader; first, where the inliner counts its address as free
	w         rawMutex
	departing atomic.Int32 // readers the waiting writer still waits for
	writerSem sema
	readerSem sema
}

func (r *rawRWLock) poisoned() bool { return r.readers.Load()&rwPoisoned != 0 }
func (r *rawRWLock) clearPoison()   { r.readers.And(^rwPoisoned) }

// fastRLock counts a reader in and reports whether it may go on at once;
// if not, the reader is counted and must rlockWait.
func (r *rawRWLock) fastRLock() bool { return r.readers.Add(rwReader) >= 0 }

// rlockWait waits, for a reader fastRLock counted in, until the writer
// ahead of it unlocks: unlock makes the count non-negative again and
// releases one permit for each reader counted in meanwhile.
func (r *rawRWLock) rlockWait() {
	r.readerSem.acquire()
}

// fastRUnlock counts a reader out and reports whether that was all; if
// not, a writer waits and runlockSlow must follow.
func (r *rawRWLock) fastRUnlock() bool { return r.readers.Add(-rwReader) >= 0 }

// runlockSlow is the rest of a reader's unlock while a writer waits: the
// last reader the writer waits for wakes it.
func (r *rawRWLock) runlockSlow() {
	if r.departing.Add(-1) == 0 {
		r.writerSem.release(1)
	}
}

func (r *rawRWLock) lock() (poisoned bool) {
	r.w.lock()
	word := r.readers.Add(-rwMaxReaders) + rwMaxReaders
	if in := word / rwReader; in != 0 && r.departing.Add(in) != 0 {
		r.writerSem.acquire() // the last of them to leave releases it
	}
	// Only a writer poisons, and only ClearPoison clears: read it now.
	return r.poisoned()
}

func (r *rawRWLock) tryLock() (ok, poisoned bool) {
	if ok, _ = r.w.tryLock(); !ok {
		return false, false
	}
	for {
		word := r.readers.Load()
		if word&^rwPoisoned != 0 { // readers are in
			r.w.unlock(false)
			return false, false
		}
		if r.readers.CompareAndSwap(word, word-rwMaxReaders) {
			return true, word&rwPoisoned != 0
		}
	}
}

func (r *rawRWLock) unlock(poison bool) {
	// Readers that arrived meanwhile are counted in readers: let them in
	// before the next writer can announce itself, and poison first, so
	// that they see it.
	if poison {
		r.readers.Or(rwPoisoned)
	}
	if waiting := r.readers.Add(rwMaxReaders) / rwReader; waiting > 0 {
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
		word := r.readers.Load()
		if word < 0 {
			return false, false
		}
		if r.readers.CompareAndSwap(word, word+rwReader) {
			return true, word&rwPoisoned != 0
		}
	}
}

func (r *rwReadSide) unlock(bool) {
	if !r.raw().fastRUnlock() {
		r.raw().runlockSlow()
	}
}
