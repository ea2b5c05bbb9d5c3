package gort

import "github.com/fearlessgo/fearless/internal/sched"

const opRandom sched.Op = "random"

// RandomSeeds is how many seeds the explorer chooses among for the random
// numbers of a run: a search tries each, so that a test that fails on some
// draws is caught with good odds (an event of one draw in ten is missed by
// all 64 seeds with a chance of about one in a thousand), at the cost of
// that many runs for each schedule of a test that draws at all.
const RandomSeeds = 64

// Random returns the run's state of a package of random numbers (the
// drop-in math/rand's global source, say), keyed by key: made by mk the
// first time the run draws from it, from a seed that is a decision of the
// schedule, so that the search tries RandomSeeds streams of numbers and a
// replay draws the numbers the failing run drew. Every draw calls it: the
// draw is a switch point on the state, as a lock around a shared source
// would be, so that the search tries the orders in which goroutines draw.
// Only the goroutine that has the explorer's turn may call it.
func Random[S any](r sched.Runner, key any, mk func(seed uint64) *S) *S {
	st := StateOf(r, key, func() *randomState[S] { return &randomState[S]{} })
	sched.Point(opRandom, st)
	if st.s == nil {
		st.s = mk(seedOf(r.Choose(RandomSeeds)))
	}
	return st.s
}

// Global returns the run's state of key, as Random does, or nil when no
// explorer runs.
func Global[S any](key any, mk func(seed uint64) *S) *S {
	if r := Runner(); r != nil {
		return Random(r, key, mk)
	}
	return nil
}

// Draw is a top-level function of a drop-in package of random numbers: f
// of the run's state of key (see Global) while an explorer runs, else
// native, the standard package's function.
func Draw[S, T any](key any, mk func(seed uint64) *S, f func(*S) T, native func() T) T {
	if s := Global(key, mk); s != nil {
		return f(s)
	}
	return native()
}

// Draw1 is Draw for a function of one argument.
func Draw1[S, A, T any](key any, mk func(seed uint64) *S, f func(*S, A) T, native func(A) T, a A) T {
	if s := Global(key, mk); s != nil {
		return f(s, a)
	}
	return native(a)
}

// Reseed makes s the run's state of key, as a test's call of a Seed
// function does: the draws that follow come from s, and the run takes no
// decision for its seed.
func Reseed[S any](r sched.Runner, key any, s *S) {
	st := StateOf(r, key, func() *randomState[S] { return &randomState[S]{} })
	sched.Point(opRandom, st)
	st.s = s
}

// randomState holds a run's state of random numbers, nil until the first
// draw or Seed.
type randomState[S any] struct{ s *S }

// seedOf spreads the explorer's small choice over 64 bits (splitmix64's
// finaliser), so that the streams of neighbouring seeds look unrelated.
func seedOf(choice int) uint64 {
	z := uint64(choice) + 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
