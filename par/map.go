package par

import (
	"runtime"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Map returns a new slice holding f of each element of in, in the same
// order. f is called once per element, from several goroutines at once; Map
// returns when every call has returned. A panic in f makes Map panic with a
// *thread.PanicError once every goroutine has stopped (see the package doc).
func Map[T, U any](in []T, f func(T) U) []U {
	sched.Point("par.Map", nil)
	out := make([]U, len(in))
	if len(in) <= serialMax {
		finished := false
		defer func() {
			if !finished { // checked first: recover costs more than the flag
				rethrow(recover())
			}
		}()
		for i, v := range in {
			out[i] = f(v)
		}
		finished = true
		return out
	}
	apply := func(lo, hi int) {
		src, dst := in[lo:hi], out[lo:hi]
		for i, v := range src {
			dst[i] = f(v)
		}
	}
	procs := runtime.GOMAXPROCS(0)
	if done, grain, split := measure(len(in), procs, apply); split {
		parallel(done, len(in), procs, grain, func(_, lo, hi int) { apply(lo, hi) })
	}
	return out
}

// ForEach calls f(i, in[i]) once for each index of in, from several
// goroutines at once, and returns when every call has returned. A panic in f
// makes ForEach panic with a *thread.PanicError once every goroutine has
// stopped.
func ForEach[T any](in []T, f func(i int, v T)) {
	sched.Point("par.ForEach", nil)
	if len(in) <= serialMax {
		finished := false
		defer func() {
			if !finished {
				rethrow(recover())
			}
		}()
		for i, v := range in {
			f(i, v)
		}
		finished = true
		return
	}
	apply := func(lo, hi int) {
		for i, v := range in[lo:hi] {
			f(lo+i, v)
		}
	}
	procs := runtime.GOMAXPROCS(0)
	if done, grain, split := measure(len(in), procs, apply); split {
		parallel(done, len(in), procs, grain, func(_, lo, hi int) { apply(lo, hi) })
	}
}

// rethrow turns v, recovered from a panic of the calling goroutine, into a
// panic with a *thread.PanicError, as a parallel run would. A nil v means
// the goroutine is leaving by runtime.Goexit, which goes on.
func rethrow(v any) {
	if v != nil {
		panic(panicError(v, callerName()))
	}
}
