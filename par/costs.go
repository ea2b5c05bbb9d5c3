package par

import (
	"math"
	"reflect"
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Reading the clock costs 20 to 25ns here, as much as ten cheap elements,
// so a small input of a function known to be cheap runs inline without
// timing. The cost memory holds, per function, what an element cost when
// it was last timed. A call whose whole input is then estimated well below
// what a helper repays skips the clock, as long as the memory is fresh: a
// timer, started when a cheap cost is remembered and none is pending, makes
// every entry stale retimeAfter later, so the next call of each function
// times it again, in case
// its cost changed (a closure of the same code over other data, say). Only
// remembering a cost that could skip the clock starts the timer, and only
// when none is pending: a program that is idle, or whose calls are all
// costly enough to be timed anyway, has none.
//
// The check only reads shared memory. A count of calls, to time one in
// so many, made goroutines calling one function at once contend for its
// cache line on every call: in 8 rounds of BenchmarkMapSmallShared, par
// took 46 to 80ns with such a count (the loop 40), 36 to 52ns with this
// check (the loop 36).
//
// A function is known by its code pointer, so closures of one func literal
// share an entry. Entries are a direct-mapped table of 512 atomic words
// (4 KiB): ten functions in use share an entry with probability 8% (52% with
// 64 entries), and two that share one are timed on every call while they
// alternate. A wrong guess only costs time, never a result.

// costBits is log2 of the number of entries; the top bits of a key pick one.
const costBits = 9

// costMemory is the memory of what an element of a function costs.
type costMemory struct {
	entries [1 << costBits]costEntry
	// epoch counts the retime timer's firings; an entry written in
	// another epoch is stale.
	epoch atomic.Uint32
	// armed is set while the retime timer is pending.
	armed atomic.Bool
	// retimeAfter is how long a remembered cost is trusted.
	retimeAfter time.Duration
	// afterFunc starts the retime timer: time.AfterFunc, or a test's.
	afterFunc func(time.Duration, func()) *time.Timer
}

type costEntry struct {
	// word packs 16 bits of the key that do not pick the entry, the
	// epoch (16 bits) when it was written, and the cost of an element in
	// nanoseconds, rounded up (32 bits).
	word atomic.Uint64
}

// costs is the memory Map, ForEach and Reduce use. A cost that grew runs
// inline, misjudged, for at most about retimeAfter, and each cheap function
// pays one timed call per period. A shorter period slowed splits here: with
// any 10ms ticker in the process, hand-written splits of 10 elements of
// 100µs took 16% longer; with a 50ms or 200ms one, 2% (within the noise).
var costs = costMemory{retimeAfter: 250 * time.Millisecond, afterFunc: time.AfterFunc}

// codeKey hashes a code pointer into f's key in the cost memory; it is
// never 0, which stands for no memory.
func codeKey(pc uintptr) uint64 {
	return uint64(pc)*0x9e3779b97f4a7c15 | 1 // Fibonacci hashing; never 0
}

// knownCheapCall returns the key under which a call of f on n elements
// times and remembers f's cost (0 under a scheduler, which timing must not
// steer), and whether the call may run inline without timing: f is known
// to be cheap.
func knownCheapCall(f any, n int) (key uint64, cheap bool) {
	if sched.Installed() || forceParallel {
		return 0, false
	}
	key = codeKey(reflect.ValueOf(f).Pointer())
	return key, costs.knownCheap(key, n)
}

// knownCheap reports whether m holds a fresh cost for key k by which n
// elements take less than a quarter of parallelMin together.
func (m *costMemory) knownCheap(k uint64, n int) bool {
	w := m.entries[k>>(64-costBits)].word.Load()
	return w>>32 == m.tag(k) && cheapEnough(w&math.MaxUint32, n)
}

// cheapEnough reports whether n elements of ns nanoseconds each take less
// than a quarter of parallelMin together.
func cheapEnough(ns uint64, n int) bool {
	return time.Duration(ns)*time.Duration(n) < parallelMin/4
}

// tag is what the high half of a fresh entry for key k holds.
func (m *costMemory) tag(k uint64) uint64 {
	return (k>>32&0xffff)<<16 | uint64(uint16(m.epoch.Load()))
}

// remember records that an element of the function with key k cost
// perItem. If the smallest input that looks the cost up could then skip
// the clock, it starts the retime timer unless it is pending.
func (m *costMemory) remember(k uint64, perItem float64) {
	ns := uint64(min(math.Ceil(perItem), math.MaxUint32))
	m.entries[k>>(64-costBits)].word.Store(m.tag(k)<<32 | ns)
	if cheapEnough(ns, serialMax+1) && !m.armed.Load() && m.armed.CompareAndSwap(false, true) {
		m.afterFunc(m.retimeAfter, m.expire)
	}
}

// expire makes every remembered cost stale. It disarms first: a cost
// remembered in the new epoch then finds the timer disarmed and starts it,
// so that no fresh cost is left without a timer to make it stale.
func (m *costMemory) expire() {
	m.armed.Store(false)
	m.epoch.Add(1)
}
