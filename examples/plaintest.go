package examples

import "github.com/fearlessgo/fearless/examples/plaindeadlock"

// fearless test's chapter: the explorer on plain Go, after the explorer's
// examples on fearless's own types.
func init() {
	register(
		Example{Name: "fearless-test-deadlock", Chapter: "deadlocks", Run: plaindeadlock.Run,
			Concept: "fearless test on plain Go: two sync.Mutex taken in opposite orders; the deadlock, each goroutine's line, and the replay line, replayed"},
	)
}
