// Package backoff is the one policy by which fearless's primitives wait a
// moment for another goroutine before they park: spin a few rounds while
// the other side likely runs on another core, then yield the processor in
// case it waits for this one, then park.
//
// Spinning pays only when the goroutine waited for is running now and is a
// few steps from done; it burns a processor that, on a machine with few of
// them, the other side may need. Yielding pays when the other side is
// runnable on this very processor (a goroutine that this one just woke is
// queued there). Parking costs a park and an unpark, about what a Go
// channel operation that blocks costs, but waits for as long as it takes
// without using a processor. So every wait here is short and bounded, and
// a wait that may last parks (through package sched, so that it counts as
// durably blocked).
//
// Under a deterministic scheduler (sched.Active() != nil) only one
// goroutine runs at a time and only parking lets another run: a wait then
// parks at once, and Useful reports false.
package backoff

import (
	"runtime"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/sched"
)

// The default rounds of a zero Backoff.
const (
	// SpinRounds is how many rounds spin before a wait yields. Round k
	// spins 1<<k pauses, so the five rounds spin 31 pauses in all, tens
	// of nanoseconds: about the time another core needs to finish a step
	// of a lock-free operation.
	SpinRounds = 5
	// YieldRounds is how many rounds yield the processor after the spin
	// rounds, before Done tells the caller to park. A yield costs a trip
	// through Go's scheduler when another goroutine is runnable here, and
	// little more than a function call when none is.
	YieldRounds = 4
)

// A Backoff counts the rounds of one wait. The zero value waits SpinRounds
// rounds spinning and YieldRounds yielding; New chooses other counts. A
// Backoff belongs to one goroutine and one wait: make a new one (or Reset
// it) for the next.
//
// The loop of a wait that may last:
//
//	var b backoff.Backoff // or backoff.New(spins, yields)
//	for !ready() {
//		if b.Done() {
//			park() // and look again when woken
//			continue
//		}
//		b.Snooze()
//	}
type Backoff struct {
	step   uint32
	spins  uint32 // rounds that spin
	rounds uint32 // spin and yield rounds in all
	custom bool   // spins and rounds are set; else the defaults
}

// New returns a Backoff that spins spins rounds, then yields yields
// rounds, before Done reports true. New(0, 0) parks at once.
func New(spins, yields int) Backoff {
	return Backoff{spins: uint32(spins), rounds: uint32(spins + yields), custom: true}
}

func (b *Backoff) limits() (spins, rounds uint32) {
	if b.custom {
		return b.spins, b.rounds
	}
	return SpinRounds, SpinRounds + YieldRounds
}

// Spin is one round of a retry loop that lost a race to another core, as
// a compare-and-swap that failed because another goroutine's succeeded:
// it busy-waits 1<<k pauses in round k, never yields, and stays at the
// last spin round's length after them. The retry itself is what makes
// progress, so Spin never tells the caller to stop.
func (b *Backoff) Spin() {
	spins, _ := b.limits()
	Pause(1 << min(b.step, max(spins, 1)-1))
	if b.step < spins {
		b.step++
	}
}

// Snooze is one round of a wait for another goroutine: it spins 1<<k
// pauses in round k of the spin rounds and yields the processor (Yield)
// in the rounds after them. Once Done, Snooze goes on
// yielding, for a caller that cannot park (the goroutine it waits for is
// between two steps of an operation that does not block).
func (b *Backoff) Snooze() {
	spins, rounds := b.limits()
	if b.step < spins {
		Pause(1 << b.step)
	} else {
		Yield()
	}
	if b.step < rounds {
		b.step++
	}
}

// Spun reports whether the spin rounds are over: a wait that may only spin
// (a slot the other side claimed but has not yet filled) stops here.
func (b *Backoff) Spun() bool {
	spins, _ := b.limits()
	return b.step >= spins
}

// Done reports whether the wait's rounds are over, or a deterministic
// scheduler runs: the caller should park now.
func (b *Backoff) Done() bool {
	_, rounds := b.limits()
	return b.step >= rounds || !Useful()
}

// Reset starts the rounds again, for a wait that made progress.
func (b *Backoff) Reset() { b.step = 0 }

// Useful reports whether spinning or yielding can help at all: not while a
// deterministic scheduler runs one goroutine at a time.
func Useful() bool { return !sched.Installed() }

// Yields returns how many rounds a wait that only yields (New(0, n)) makes
// before it parks: n, or 0 under a deterministic scheduler. It is that
// Backoff's loop without the round counting, for the waits on the hottest
// paths, each round a look at the condition and then one Yield:
//
//	for range backoff.Yields(n) {
//		if ready() {
//			return
//		}
//		backoff.Yield()
//	}
//	park() // and look again when woken
func Yields(n int) int {
	if !Useful() {
		return 0
	}
	return n
}

// Yield is one yielding round: it lets the goroutines runnable on this
// processor run first (runtime.Gosched).
func Yield() { runtime.Gosched() }

var pauseSink atomic.Uint32

// Pause busy-waits n short steps, each an atomic load that the compiler
// keeps (Go has no portable pause instruction), without counting a round:
// for a caller that checks its condition between steps.
func Pause(n int) {
	for range n {
		pauseSink.Load()
	}
}
