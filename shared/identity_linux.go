package shared

import (
	"runtime"
	"syscall"
)

// On Linux, deadlock detection tells goroutines apart by their OS thread:
// a goroutine that holds a tracked lock is pinned to its thread
// (runtime.LockOSThread), so while it holds any, the thread id names it and
// no other goroutine runs on that thread. gettid is one system call (tens of
// nanoseconds) where the goroutine id costs a formatted trace of the whole
// stack under the runtime's global print lock.

const pinsThreads = true

// currentKey pins the calling goroutine and returns its thread id.
func currentKey() uint64 {
	runtime.LockOSThread()
	return uint64(syscall.Gettid())
}

// onThread reports whether the caller runs on the thread with id key.
func onThread(key uint64) bool { return uint64(syscall.Gettid()) == key }

func unpin() { runtime.UnlockOSThread() }
