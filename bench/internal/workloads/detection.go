package workloads

import "github.com/fearlessgo/fearless/bench/internal/harness"

// declareDetection adds the deadlock detection group to reg: what taking a
// lock costs with a lock-order detector on (fearless's DetectDeadlocks,
// go-deadlock with its order checking only), next to sync.Mutex with none.
func declareDetection(reg *harness.Registry) {
	for _, w := range []harness.Workload{
		{Name: "deadlock/lock", Unit: "lock", N: 200_000, QuickN: 20_000,
			Desc: "detection on; one goroutine locks, increments, unlocks one lock"},
		{Name: "deadlock/nested", Unit: "pair", N: 200_000, QuickN: 20_000,
			Desc: "detection on; one goroutine takes lock B while holding lock A (one known edge), then releases both"},
		{Name: "deadlock/parallel", Unit: "lock", N: 200_000, QuickN: 20_000,
			Desc: "detection on; T goroutines each lock, increment, unlock a lock of their own: only the detector is shared"},
		{Name: "deadlock/many-held", Unit: "lock", N: 200_000, QuickN: 20_000,
			Desc: "detection on; one goroutine locks, increments, unlocks one lock while 64 others each hold a lock of their own"},
	} {
		w.Group = "deadlock detection"
		reg.AddWorkload(w)
	}
}
