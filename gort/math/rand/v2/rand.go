// Package rand is the drop-in replacement of math/rand/v2 that fearless
// test builds rewritten code with. Its types and constructors are
// math/rand/v2's own. Its top-level functions draw, while an explorer
// runs, from a source of the run, seeded by a decision of the schedule (see
// gort.Random), so that a search tries several streams of numbers and a
// replay draws the numbers the failing run drew. With no explorer running,
// they are math/rand/v2's. They are safe for concurrent use as
// math/rand/v2's are.
package rand

import (
	stdrand "math/rand/v2"

	"github.com/fearlessgo/fearless/gort"
)

type (
	ChaCha8 = stdrand.ChaCha8
	PCG     = stdrand.PCG
	Rand    = stdrand.Rand
	Source  = stdrand.Source
	Zipf    = stdrand.Zipf
)

// New is math/rand/v2.New.
func New(src Source) *Rand { return stdrand.New(src) }

// NewChaCha8 is math/rand/v2.NewChaCha8.
func NewChaCha8(seed [32]byte) *ChaCha8 { return stdrand.NewChaCha8(seed) }

// NewPCG is math/rand/v2.NewPCG.
func NewPCG(seed1, seed2 uint64) *PCG { return stdrand.NewPCG(seed1, seed2) }

// NewZipf is math/rand/v2.NewZipf.
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf { return stdrand.NewZipf(r, s, v, imax) }

// globalKey names the run's global source among the run's objects.
type globalKey struct{}

// newGlobal makes the run's global source from the seed the schedule
// chose.
func newGlobal(seed uint64) *Rand { return stdrand.New(stdrand.NewPCG(seed, seed)) }

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

// intType is the type set of N's type parameter, as math/rand/v2's.
type intType interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// N is math/rand/v2.N.
func N[Int intType](n Int) Int {
	g := global()
	if g == nil {
		return stdrand.N(n)
	}
	if n <= 0 {
		panic("invalid argument to N")
	}
	return Int(g.Uint64N(uint64(n)))
}

// ExpFloat64 is math/rand/v2.ExpFloat64.
func ExpFloat64() float64 { return draw((*Rand).ExpFloat64, stdrand.ExpFloat64) }

// Float32 is math/rand/v2.Float32.
func Float32() float32 { return draw((*Rand).Float32, stdrand.Float32) }

// Float64 is math/rand/v2.Float64.
func Float64() float64 { return draw((*Rand).Float64, stdrand.Float64) }

// Int is math/rand/v2.Int.
func Int() int { return draw((*Rand).Int, stdrand.Int) }

// Int32 is math/rand/v2.Int32.
func Int32() int32 { return draw((*Rand).Int32, stdrand.Int32) }

// Int32N is math/rand/v2.Int32N.
func Int32N(n int32) int32 { return draw1((*Rand).Int32N, stdrand.Int32N, n) }

// Int64 is math/rand/v2.Int64.
func Int64() int64 { return draw((*Rand).Int64, stdrand.Int64) }

// Int64N is math/rand/v2.Int64N.
func Int64N(n int64) int64 { return draw1((*Rand).Int64N, stdrand.Int64N, n) }

// IntN is math/rand/v2.IntN.
func IntN(n int) int { return draw1((*Rand).IntN, stdrand.IntN, n) }

// NormFloat64 is math/rand/v2.NormFloat64.
func NormFloat64() float64 { return draw((*Rand).NormFloat64, stdrand.NormFloat64) }

// Perm is math/rand/v2.Perm.
func Perm(n int) []int { return draw1((*Rand).Perm, stdrand.Perm, n) }

// Shuffle is math/rand/v2.Shuffle.
func Shuffle(n int, swap func(i, j int)) {
	if g := global(); g != nil {
		g.Shuffle(n, swap)
		return
	}
	stdrand.Shuffle(n, swap)
}

// Uint is math/rand/v2.Uint.
func Uint() uint { return draw((*Rand).Uint, stdrand.Uint) }

// Uint32 is math/rand/v2.Uint32.
func Uint32() uint32 { return draw((*Rand).Uint32, stdrand.Uint32) }

// Uint32N is math/rand/v2.Uint32N.
func Uint32N(n uint32) uint32 { return draw1((*Rand).Uint32N, stdrand.Uint32N, n) }

// Uint64 is math/rand/v2.Uint64.
func Uint64() uint64 { return draw((*Rand).Uint64, stdrand.Uint64) }

// Uint64N is math/rand/v2.Uint64N.
func Uint64N(n uint64) uint64 { return draw1((*Rand).Uint64N, stdrand.Uint64N, n) }

// UintN is math/rand/v2.UintN.
func UintN(n uint) uint { return draw1((*Rand).UintN, stdrand.UintN, n) }
