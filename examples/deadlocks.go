package examples

import "github.com/fearlessgo/fearless/examples/deadlock"

func init() {
	register(
		Example{Name: "deadlock", Chapter: "deadlocks", Run: deadlock.Run,
			Concept: "A-then-B vs B-then-A: shared.DetectDeadlocks reports the lock-order cycle even on a run that did not deadlock"},
	)
}
