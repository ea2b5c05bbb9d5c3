package examples

import "github.com/fearlessgo/fearless/examples/usizepair"

func init() {
	register(
		Example{Name: "usize-pair", Chapter: "atomics", Run: usizepair.Run,
			Concept: "atomics with Ordering and a Barrier: shared.AtomicUint64 Load/Store take Relaxed/Acquire/Release (as strong as sync/atomic in a normal build)"},
	)
}
