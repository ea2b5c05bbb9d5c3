package examples

import (
	"github.com/fearlessgo/fearless/examples/exploreatomics"
	"github.com/fearlessgo/fearless/examples/exploredeadlock"
	"github.com/fearlessgo/fearless/examples/exploreforgotdrop"
)

// The schedule explorer's examples come after each chapter's own programs:
// they run those programs again under model.Explore.
func init() {
	register(
		Example{Name: "explore-atomics", Chapter: "atomics", Run: exploreatomics.Run,
			Concept: "loom's weak memory: model.Explore makes Relaxed reorder (\"Reordered!\") and proves Acquire/Release never does"},
		Example{Name: "explore-deadlock", Chapter: "deadlocks", Run: exploredeadlock.Run,
			Concept: "loom/shuttle for Go: model.Explore finds the A-then-B vs B-then-A deadlock, prints each thread's wait and stack, model.Replay repeats it"},
		Example{Name: "explore-forgot-drop", Chapter: "deadlocks", Run: exploreforgotdrop.Run,
			Concept: "forgetting drop(tx): defer tx.Close() before `for range rx.Iter()` never ends; model.Explore reports the deadlock"},
	)
}
