// Package rand is the drop-in replacement of math/rand that fearless test
// builds rewritten code with. Its types and constructors are math/rand's
// own. Its top-level functions draw, while an explorer runs, from a source
// of the run: seeded by a decision of the schedule (see gort.Random), so
// that a search tries several streams of numbers and a replay draws the
// numbers the failing run drew, or by the test's own call of Seed. With no
// explorer running, they are math/rand's. They are safe for concurrent use
// as math/rand's are.
package rand

import (
	stdrand "math/rand"
	randv2 "math/rand/v2"

	"github.com/fearlessgo/fearless/gort"
)

type (
	Rand     = stdrand.Rand
	Source   = stdrand.Source
	Source64 = stdrand.Source64
	Zipf     = stdrand.Zipf
)

// New is math/rand.New.
func New(src Source) *Rand { return stdrand.New(src) }

// NewSource is math/rand.NewSource.
func NewSource(seed int64) Source { return stdrand.NewSource(seed) }

// NewZipf is math/rand.NewZipf.
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf { return stdrand.NewZipf(r, s, v, imax) }

// globalKey names the run's global source among the run's objects.
type globalKey struct{}

// newGlobal makes the run's global source from the seed the schedule
// chose.
func newGlobal(seed uint64) *Rand { return stdrand.New(pcgSource{randv2.NewPCG(seed, seed)}) }

// global returns the run's global source, or nil when no explorer runs.
func global() *Rand { return gort.Global(globalKey{}, newGlobal) }

// draw is f of the run's global source while an explorer runs, else
// native, the standard package's function.
func draw[T any](f func(*Rand) T, native func() T) T {
	return gort.Draw(globalKey{}, newGlobal, f, native)
}

// draw1 is draw for a function of one argument.
func draw1[A, T any](f func(*Rand, A) T, native func(A) T, a A) T {
	return gort.Draw1(globalKey{}, newGlobal, f, native, a)
}

// pcgSource is a Source64 over PCG, cheaper to seed for every run than
// math/rand's own source.
type pcgSource struct{ *randv2.PCG }

func (s pcgSource) Int63() int64 { return int64(s.Uint64() >> 1) }

func (s pcgSource) Seed(seed int64) { s.PCG.Seed(uint64(seed), uint64(seed)) }

// Seed is math/rand.Seed. While an explorer runs, it makes the run's
// global source math/rand's source of that seed, as GODEBUG=randseednop=0
// does (fearless test sets it): the numbers that follow are the ones Go
// draws after the same call.
//
// Deprecated: as math/rand.Seed.
func Seed(seed int64) {
	if r := gort.Runner(); r != nil {
		gort.Reseed(r, globalKey{}, stdrand.New(stdrand.NewSource(seed)))
		return
	}
	stdrand.Seed(seed)
}

// ExpFloat64 is math/rand.ExpFloat64.
func ExpFloat64() float64 { return draw((*Rand).ExpFloat64, stdrand.ExpFloat64) }

// Float32 is math/rand.Float32.
func Float32() float32 { return draw((*Rand).Float32, stdrand.Float32) }

// Float64 is math/rand.Float64.
func Float64() float64 { return draw((*Rand).Float64, stdrand.Float64) }

// Int is math/rand.Int.
func Int() int { return draw((*Rand).Int, stdrand.Int) }

// Int31 is math/rand.Int31.
func Int31() int32 { return draw((*Rand).Int31, stdrand.Int31) }

// Int31n is math/rand.Int31n.
func Int31n(n int32) int32 { return draw1((*Rand).Int31n, stdrand.Int31n, n) }

// Int63 is math/rand.Int63.
func Int63() int64 { return draw((*Rand).Int63, stdrand.Int63) }

// Int63n is math/rand.Int63n.
func Int63n(n int64) int64 { return draw1((*Rand).Int63n, stdrand.Int63n, n) }

// Intn is math/rand.Intn.
func Intn(n int) int { return draw1((*Rand).Intn, stdrand.Intn, n) }

// NormFloat64 is math/rand.NormFloat64.
func NormFloat64() float64 { return draw((*Rand).NormFloat64, stdrand.NormFloat64) }

// Perm is math/rand.Perm.
func Perm(n int) []int { return draw1((*Rand).Perm, stdrand.Perm, n) }

// Read is math/rand.Read.
//
// Deprecated: as math/rand.Read.
func Read(p []byte) (n int, err error) {
	if g := global(); g != nil {
		return g.Read(p)
	}
	return stdrand.Read(p)
}

// Shuffle is math/rand.Shuffle.
func Shuffle(n int, swap func(i, j int)) {
	if g := global(); g != nil {
		g.Shuffle(n, swap)
		return
	}
	stdrand.Shuffle(n, swap)
}

// Uint32 is math/rand.Uint32.
func Uint32() uint32 { return draw((*Rand).Uint32, stdrand.Uint32) }

// Uint64 is math/rand.Uint64.
func Uint64() uint64 { return draw((*Rand).Uint64, stdrand.Uint64) }
