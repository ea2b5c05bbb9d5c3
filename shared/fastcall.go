package shared

import "sync/atomic"

// The fast paths that inline whole into the caller of Lock, Read and a
// read guard's Unlock. Each takes its slow path as a function parameter:
// Go's inliner charges a call of a parameter far less than a call of a
// function (17 against 57 of a budget of 80), and once inlined the
// parameter is the caller's function literal, which the compiler then
// calls directly; so the one atomic operation of the fast path lands in
// the caller's code with no call, where a direct call of the slow path
// would have kept the method from inlining at all.

// notCounted is the reader word rlockOr gives its slow path when it did
// not count the reader in.
const notCounted = -1 << 31

// fastOr takes r with one CAS when no slow path is needed and r is free
// and not poisoned, and otherwise returns what slow returns.
func fastOr(r *rawMutex, slow func() error) error {
	if !slowPath() && r.fastLock() {
		return nil
	}
	return slow()
}

// rlockOr counts a reader in with one atomic add when no slow path is
// needed, and returns nil if no writer holds or waits for r and r is not
// poisoned: the word the add returns says both (see rwReader). Otherwise
// it returns what slow returns, given that word (the reader is counted in),
// or notCounted.
func rlockOr(r *rawRWLock, slow func(word int32) error) error {
	word := int32(notCounted)
	if atomic.LoadUint32(&fastLock) != 0 { // !slowPath(), two cheaper
		if word = r.readers.Add(rwReader); word&(notCounted|rwPoisoned) == 0 {
			return nil
		}
	}
	return slow(word)
}

// runlockOr counts a reader out with one atomic add when the guard took
// the fast path (held, its record of the long way, is nil; see untracked)
// and no writer waits. Otherwise it calls slow, which can tell the two
// apart by held.
func runlockOr(r *rawRWLock, held *gstate, slow func()) {
	if held == nil && r.readers.Add(-rwReader) >= 0 {
		return
	}
	slow()
}
