package shared

import "errors"

var (
	// ErrPoisoned reports that a goroutine panicked while it held the lock
	// for writing. The operation that returns it still succeeded: a guard
	// returned beside ErrPoisoned holds the lock and must be unlocked. Call
	// ClearPoison once the data is known to be consistent again.
	ErrPoisoned = errors.New("shared: lock poisoned: a goroutine panicked while holding it")

	// ErrWouldBlock is returned by the Try methods when the lock is held
	// elsewhere; no guard is returned with it.
	ErrWouldBlock = errors.New("shared: lock is held elsewhere (would block)")

	// ErrUnlocked is returned by the Condvar methods when they are given a
	// guard that was already unlocked.
	ErrUnlocked = errors.New("shared: guard already unlocked")
)

// poisonErr turns a poison flag into the error the lock methods return.
func poisonErr(poisoned bool) error {
	if poisoned {
		return ErrPoisoned
	}
	return nil
}
