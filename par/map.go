package par

import (
	"github.com/fearlessgo/fearless/internal/panics"
	"github.com/fearlessgo/fearless/internal/sched"
)

// Map returns a new slice holding f of each element of in, in the same
// order. f is called once per element, from several goroutines at once; Map
// returns when every call has returned. A panic in f makes Map panic with a
// *thread.PanicError once every goroutine has stopped (see the package doc).
// A nil f panics at once, even for an empty in.
func Map[T, U any](in []T, f func(T) U) []U {
	needFunc("Map", "f", f == nil)
	sched.Point("par.Map", nil)
	out := make([]U, len(in))
	if len(in) > serialMax {
		if key, cheap := knownCheapCall(f, len(in)); !cheap {
			mapSplit(in, out, f, key)
			return out
		}
	}
	panics.Run(func() { mapRange(in, out, f, 0, len(in)) }, rethrow)
	return out
}

// mapSplit times the first elements on the caller and splits the rest when
// that pays. The closure given to measure does not escape, and the one given
// to parallel is only made once a split was decided: a call that stays on
// the caller allocates nothing but out.
func mapSplit[T, U any](in []T, out []U, f func(T) U, key uint64) {
	if done, grain, procs, split := measure(len(in), 1, key, func(lo, hi int) { mapRange(in, out, f, lo, hi) }); split {
		parallel(done, len(in), procs, grain, func(_, lo, hi int) { mapRange(in, out, f, lo, hi) })
	}
}

func mapRange[T, U any](in []T, out []U, f func(T) U, lo, hi int) {
	src, dst := in[lo:hi], out[lo:hi]
	for i, v := range src {
		dst[i] = f(v)
	}
}

// ForEach calls f(i, in[i]) once for each index of in, from several
// goroutines at once, and returns when every call has returned. A panic in f
// makes ForEach panic with a *thread.PanicError once every goroutine has
// stopped. A nil f panics at once, even for an empty in.
func ForEach[T any](in []T, f func(i int, v T)) {
	needFunc("ForEach", "f", f == nil)
	sched.Point("par.ForEach", nil)
	if len(in) > serialMax {
		if key, cheap := knownCheapCall(f, len(in)); !cheap {
			forEachSplit(in, f, key)
			return
		}
	}
	panics.Run(func() { forEachRange(in, f, 0, len(in)) }, rethrow)
}

func forEachSplit[T any](in []T, f func(i int, v T), key uint64) {
	if done, grain, procs, split := measure(len(in), 1, key, func(lo, hi int) { forEachRange(in, f, lo, hi) }); split {
		parallel(done, len(in), procs, grain, func(_, lo, hi int) { forEachRange(in, f, lo, hi) })
	}
}

func forEachRange[T any](in []T, f func(i int, v T), lo, hi int) {
	for i, v := range in[lo:hi] {
		f(lo+i, v)
	}
}
