package par

import (
	"math"
	"reflect"
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Reading the clock costs about 20ns here, as much as ten cheap elements,
// so a small input of a function known to be cheap runs inline without
// timing. The costs remembers, per function, what an element cost when it
// was last timed: a call whose whole input is then estimated well below
// what a helper repays skips the clock, except every retimeEvery-th call,
// which times it again in case the cost changed (a closure of the same code
// over other data, say).
//
// A function is known by its code pointer, so closures of one func literal
// share an entry; entries are a small direct-mapped table whose words are
// updated atomically, and a wrong guess only costs time, never a result.

const (
	costSlots   = 64
	retimeEvery = 16
)

type costEntry struct {
	// word packs a 32-bit hash of the code pointer (high) and the cost of
	// an element in nanoseconds, rounded up (low).
	word  atomic.Uint64
	calls atomic.Uint32
}

var costs [costSlots]costEntry

// costKey identifies f's code; 0 means no memory (under a scheduler, or
// for a nil f).
func costKey(f any) uint64 {
	p := uint64(reflect.ValueOf(f).Pointer())
	return p*0x9e3779b97f4a7c15 | 1 // Fibonacci hashing; never 0
}

// knownCheapCall reports whether a call of f on n elements may run inline
// without timing: no scheduler steers the run, and f is known as cheap.
func knownCheapCall(f any, n int) bool {
	return sched.Active() == nil && !forceParallel && knownCheap(costKey(f), n)
}

// knownCheap reports whether n elements of the function with key k are
// known to cost less than a quarter of parallelMin together, and this call
// is not due to time them again.
func knownCheap(k uint64, n int) bool {
	e := &costs[k>>58%costSlots]
	w := e.word.Load()
	if w>>32 != k>>32 {
		return false
	}
	if e.calls.Add(1)%retimeEvery == 0 {
		return false
	}
	return time.Duration(w&math.MaxUint32)*time.Duration(n) < parallelMin/4
}

// rememberCost records that an element of the function with key k cost
// perItem.
func rememberCost(k uint64, perItem float64) {
	ns := uint64(min(math.Ceil(perItem), math.MaxUint32))
	costs[k>>58%costSlots].word.Store(k>>32<<32 | ns)
}
