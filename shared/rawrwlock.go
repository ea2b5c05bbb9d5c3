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
type rawRWLock struct {
	w         rawMutex
	readers   atomic.Int32 // readers in or waiting; minus rwMaxReaders under a writer
	departing atomic.Int32 // readers the waiting writer still waits for
	writerSem sema
	readerSem sema
	poisoned  atomic.Bool
}

func (r *rawRWLock) rlock() {
	if r.readers.Add(1) < 0 {
		r.readerSem.acquire()
	}
}

func (r *rawRWLock) tryRLock() bool {
	for {
		c := r.readers.Load()
		if c < 0 {
			return false
		}
		if r.readers.CompareAndSwap(c, c+1) {
			return true
		}
	}
}

func (r *rawRWLock) runlock() {
	if c := r.readers.Add(-1); c < 0 {
		// A writer waits; the last reader it waits for wakes it.
		if r.departing.Add(-1) == 0 {
			r.writerSem.release(1)
		}
	}
}

func (r *rawRWLock) lock() {
	r.w.lock()
	in := r.readers.Add(-rwMaxReaders) + rwMaxReaders
	if in != 0 && r.departing.Add(in) != 0 {
		r.writerSem.acquire()
	}
}

func (r *rawRWLock) tryLock() bool {
	if ok, _ := r.w.tryLock(); !ok {
		return false
	}
	if !r.readers.CompareAndSwap(0, -rwMaxReaders) {
		r.w.unlock(false)
		return false
	}
	return true
}

func (r *rawRWLock) unlock(poison bool) {
	if poison {
		r.poisoned.Store(true)
	}
	// Readers that arrived meanwhile are counted in readers: let them in
	// before the next writer can announce itself.
	if waiting := r.readers.Add(rwMaxReaders); waiting > 0 {
		r.readerSem.release(int(waiting))
	}
	r.w.unlock(false)
}
