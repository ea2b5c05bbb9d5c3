package workloads

import (
	"fmt"

	"github.com/fearlessgo/fearless/bench/internal/harness"
)

// The scaling group: how the cost of one operation grows with the work
// around it. Each workload is one point of a curve (harness.Workload.Series),
// and every curve has the Go built-in's beside it.

// scaleThreads are the producers of the channel curves and the goroutines
// of the Mutex curve.
var scaleThreads = []int{1, 2, 4, 16, 64}

// scaleCap is the capacity of the bounded channel curve: small enough that
// producers block on a full buffer, as they do behind a slow consumer.
const scaleCap = 64

// scaleLocks are the sizes of the lock-order graph of the detection curve.
var scaleLocks = []int{10, 1_000, 100_000}

// scaleExplore are the thread counts of the explorer curve.
var scaleExplore = []int{2, 3, 4, 5, 6}

func scaleChanName(flavor string, producers int) string {
	return fmt.Sprintf("scale/%s/p=%d", flavor, producers)
}

func scaleMutexName(g int) string    { return fmt.Sprintf("scale/mutex/g=%d", g) }
func scaleDeadlockName(l int) string { return fmt.Sprintf("scale/deadlock/locks=%d", l) }
func scaleExploreName(k int) string  { return fmt.Sprintf("scale/explore/threads=%d", k) }
func scaleBounded() string           { return fmt.Sprintf("bounded%d", scaleCap) }
func scaleChanFlavors() []string     { return []string{"unbounded", scaleBounded()} }
func scaleCapOf(flavor string) func(int) int {
	if flavor == "unbounded" {
		return func(n int) int { return n } // the Go side's stand-in, as in chan/unbounded
	}
	return func(int) int { return scaleCap }
}

// declareScaling adds the scaling group to reg (after the other groups:
// workloads.go calls it).
func declareScaling(reg *harness.Registry) {
	add := func(w harness.Workload) { w.Group = "scaling"; reg.AddWorkload(w) }
	// N and QuickN are multiples of 64, so that every producer or
	// goroutine count divides them and the time per operation is exact.
	for _, f := range scaleChanFlavors() {
		series := "unbounded channel, one consumer"
		if f != "unbounded" {
			series = fmt.Sprintf("bounded channel (capacity %d), one consumer", scaleCap)
		}
		// Rust std's bounded channel takes microseconds a message once
		// producers block, so the bounded curve has fewer messages.
		n, q := 1_024_000, 64_000
		if f != "unbounded" {
			n, q = 128_000, 12_800
		}
		for _, p := range scaleThreads {
			add(harness.Workload{
				Name: scaleChanName(f, p), Unit: "msg", N: n, QuickN: q,
				Series: series, XName: "producers", X: p,
				Desc: fmt.Sprintf("%d producer(s) send their share of N messages on one %s channel, one consumer receives them all", p, f),
			})
		}
	}
	for _, g := range scaleThreads {
		add(harness.Workload{
			Name: scaleMutexName(g), Unit: "lock", N: 1_024_000, QuickN: 128_000,
			Series: "Mutex: lock, add one, unlock", XName: "goroutines", X: g,
			Desc: fmt.Sprintf("%d goroutine(s) share N lock, increment, unlock on one Mutex", g),
		})
	}
	for _, l := range scaleLocks {
		add(harness.Workload{
			Name: scaleDeadlockName(l), Unit: "pair", N: 102_400, QuickN: 6_400, FullOnly: l > 1_000,
			Series: "deadlock detection on: nested lock pairs", XName: "locks in the order graph", X: l,
			Desc: fmt.Sprintf("detection on, %d locks taken once in a chain (each while holding the one before: "+
				"%d edges in the order graph, untimed), then N times a pair of neighbours of the chain, "+
				"the second while holding the first; Go: sync.Mutex, no detection", l, l-1),
		})
	}
	for _, k := range scaleExplore {
		add(harness.Workload{
			Name: scaleExploreName(k), Unit: "schedule", N: 384, QuickN: 32,
			Series: "explorer: time per schedule", XName: "threads", X: k,
			Desc: fmt.Sprintf("%d threads each lock a Mutex, add one and unlock, the main thread joins them and checks the count. "+
				"fearless: one schedule of model.Explore's depth-first search with partial-order reduction (a preemption bound no schedule reaches, so no PCT after it), "+
				"the first N schedules it tries, whole explorations repeated when it has fewer; "+
				"Go: one native run of the same program (goroutines, sync.Mutex, sync.WaitGroup)", k),
		})
	}
}
