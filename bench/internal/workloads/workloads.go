// Package workloads holds the benchmark workloads and, per side, the table
// of functions that run them. Each side lives in its own file and registers
// its table in an init function; the harness runs whatever is registered.
package workloads

import (
	"fmt"

	"github.com/fearlessgo/fearless/bench/internal/harness"
)

// T is the number of producers, consumers or lockers in the multi-threaded
// shapes, as in crossbeam's suite.
const T = harness.Threads

// W is the number of workers in pool/throughput (pool/100us uses GOMAXPROCS).
const W = 4

// Channel flavours and the capacity each gives a channel for n messages.
var flavors = []struct {
	name string
	cap  func(n int) int
}{
	{"unbounded", func(n int) int { return n }}, // Go side: a chan of capacity n stands in
	{"boundedN", func(n int) int { return n }},
	{"bounded1", func(int) int { return 1 }},
	{"rendezvous", func(int) int { return 0 }},
}

// Shapes of the channel workloads; seq needs room for every message.
var shapes = []struct{ name, desc string }{
	{"seq", "one goroutine sends N messages, then receives them"},
	{"spsc", "one producer, one consumer"},
	{"mpsc", "T producers, one consumer"},
	{"mpmc", "T producers, T consumers sharing the receiving end"},
	{"select2", "2 producers on 2 channels, one consumer selecting over both"},
}

func chanName(flavor, shape string) string { return "chan/" + flavor + "/" + shape }

func fast(flavor string) bool { return flavor == "unbounded" || flavor == "boundedN" }

func init() {
	reg := harness.Default
	for _, f := range flavors {
		for _, s := range shapes {
			if s.name == "seq" && !fast(f.name) {
				continue
			}
			n, q := 1_000_000, 100_000
			if !fast(f.name) {
				n, q = 50_000, 10_000
			}
			reg.AddWorkload(harness.Workload{
				Name: chanName(f.name, s.name), Group: "channels", Unit: "msg", N: n, QuickN: q,
				Desc: fmt.Sprintf("%s channel: %s", f.name, s.desc),
			})
		}
	}
	for _, w := range []harness.Workload{
		{Name: "latency/pingpong", Group: "channels", Unit: "round trip", N: 50_000, QuickN: 10_000,
			Desc: "two goroutines bounce a value over two rendezvous channels"},
		{Name: "mutex/uncontended", Group: "locks", Unit: "lock", N: 5_000_000, QuickN: 500_000,
			Desc: "one goroutine locks, increments, unlocks"},
		{Name: "mutex/contended", Group: "locks", Unit: "lock", N: 2_000_000, QuickN: 200_000,
			Desc: "T goroutines lock, increment, unlock"},
		{Name: "rwlock/read", Group: "locks", Unit: "lock", N: 5_000_000, QuickN: 500_000,
			Desc: "one goroutine takes and releases the read lock"},
		{Name: "rwlock/read-contended", Group: "locks", Unit: "lock", N: 2_000_000, QuickN: 200_000,
			Desc: "T goroutines take and release the read lock"},
		{Name: "rwlock/mixed-contended", Group: "locks", Unit: "lock", N: 2_000_000, QuickN: 200_000,
			Desc: "T goroutines; one lock in ten is a write"},
		{Name: "barrier/generations", Group: "threads", Unit: "generation", N: 20_000, QuickN: 4_000,
			Desc: "T goroutines wait on one barrier N times; one leader per generation"},
		{Name: "spawn/join", Group: "threads", Unit: "thread", N: 20_000, QuickN: 4_000,
			Desc: "spawn T threads that return a value, join them; N threads in all"},
		{Name: "spawn/scope", Group: "threads", Unit: "thread", N: 20_000, QuickN: 4_000,
			Desc: "a scope that spawns T threads and waits for them; N threads in all"},
		{Name: "pool/throughput", Group: "pool & par", Unit: "task", N: 1_000_000, QuickN: 100_000,
			Desc: "N tiny tasks on a pool of W = 4 workers, then wait for all"},
		{Name: "pool/100us", Group: "pool & par", Unit: "task", N: 10_000, QuickN: 1_000,
			Desc: "N tasks of ~100 µs of CPU work each (a busy loop calibrated once, not a sleep: " +
				"every side does the same work, only scheduling overhead differs) on GOMAXPROCS workers; " +
				"Go: a goroutine per task"},
		{Name: "par/sum", Group: "pool & par", Unit: "elem", N: 20_000_000, QuickN: 2_000_000,
			Desc: "sum of an []int64 of N elements, in parallel"},
		{Name: "par/map", Group: "pool & par", Unit: "elem", N: 10_000_000, QuickN: 1_000_000,
			Desc: "map a few multiply-shift steps over N uint64s into a new slice, in parallel"},
	} {
		reg.AddWorkload(w)
	}
	declareDetection(reg)
	declareScaling(reg)
}

// wantSum is 0 + 1 + ... + (n-1): what the consumers of n messages add up to.
func wantSum(n int) int { return n * (n - 1) / 2 }

func checkSum(got, n int) error {
	if want := wantSum(n); got != want {
		return fmt.Errorf("received sum %d, want %d", got, want)
	}
	return nil
}

// task is the small piece of work each pool task does (Rust does the same).
func task(i int) int64 { return int64(i&7) + 1 }

func wantTasks(n int) int64 {
	var s int64
	for i := range n {
		s += task(i)
	}
	return s
}

func checkTasks(got int64, n int) error {
	if want := wantTasks(n); got != want {
		return fmt.Errorf("tasks added %d, want %d", got, want)
	}
	return nil
}

// mix is what par/map applies to each element (Rust's mix is the same).
func mix(x uint64) uint64 {
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// sumInput is the par/sum input: i % 1000, so the sum fits any int64.
func sumInput(n int) ([]int64, int64) {
	data := make([]int64, n)
	var want int64
	for i := range data {
		data[i] = int64(i % 1000)
		want += data[i]
	}
	return data, want
}

func mapInput(n int) []uint64 {
	data := make([]uint64, n)
	for i := range data {
		data[i] = uint64(i)
	}
	return data
}

// checkMap samples every 1024th element, cheap next to the map itself.
func checkMap(out []uint64, n int) error {
	if len(out) != n {
		return fmt.Errorf("map returned %d elements, want %d", len(out), n)
	}
	for i := 0; i < n; i += 1024 {
		if want := mix(uint64(i)); out[i] != want {
			return fmt.Errorf("out[%d] = %d, want %d", i, out[i], want)
		}
	}
	return nil
}

// chunks splits n into at most p contiguous ranges of nearly equal size.
func chunks(n, p int) [][2]int {
	p = max(1, min(p, n))
	var cs [][2]int
	for i := range p {
		cs = append(cs, [2]int{i * n / p, (i + 1) * n / p})
	}
	return cs
}
