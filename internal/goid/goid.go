// Package goid reads the id of the calling goroutine.
//
// Go has no public goroutine id. The runtime prints it in the first line of
// every goroutine trace ("goroutine 42 [running]:"), so Current reads it from
// runtime.Stack. That formats a trace of the caller's stack: callers use it
// only off the hot path (thread.Current, and deadlock detection when it is
// switched on).
package goid

import "runtime"

// Current returns the runtime's id of the calling goroutine, or 0 if the
// trace header could not be read.
func Current() uint64 {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	return Parse(buf[:n])
}

// Parse returns the goroutine id in the header of a trace that
// runtime.Stack wrote ("goroutine 42 [running]:"), for a caller that has
// the trace already; 0 if b does not start with such a header.
func Parse(b []byte) uint64 {
	const prefix = "goroutine "
	if len(b) < len(prefix) || string(b[:len(prefix)]) != prefix {
		return 0
	}
	var id uint64
	for _, c := range b[len(prefix):] {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + uint64(c-'0')
	}
	return id
}
