//go:build !linux

package shared

import "github.com/fearlessgo/fearless/internal/goid"

// Elsewhere, deadlock detection tells goroutines apart by their goroutine
// id, read from a trace of the stack: slower, but it needs no pinning.

const pinsThreads = false

func currentKey() uint64       { return goid.Current() }
func onThread(key uint64) bool { return goid.Current() == key }
func unpin()                   {}
