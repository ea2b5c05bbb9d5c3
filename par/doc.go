// Package par runs loops over slices in parallel, as Rust's rayon does for
// iterators: [Map], [ForEach], [Reduce] and [Sum] split a slice across GOMAXPROCS
// goroutines and return when every element has been handled.
//
// # How the work is split
//
// The calling goroutine always takes part. It starts alone: it reads the
// clock, handles the first element, reads the clock again, and goes on in
// batches that grow while what is left is estimated too small to split,
// reading the clock once per batch. As soon as the rest is estimated to take
// long enough to repay starting helpers (about 40µs of work), it starts
// GOMAXPROCS-1 of them. So ten elements of 100µs each are split after the
// first one, and a thousand elements of a few nanoseconds never are. One or
// two elements run inline without timing (Sum: up to a thousand, as its
// elements cost a fraction of a nanosecond). The remaining range is then
// split evenly, and each goroutine takes batches of about 10µs of work from
// the front of its own part, doubling a batch that ran much shorter than
// that (the first elements may have cost far more than the rest, as when
// they paid for the first touch of a new slice); one that runs out steals
// the back half of another's part. So uneven work (a few expensive
// elements, or cost growing along the slice) still keeps every core busy
// until the end, and no element is handled twice or skipped.
//
// # When parallelism pays
//
// Splitting costs the caller a few microseconds (starting a goroutine and
// waiting for the last one), and waking an idle core takes more, during
// which the caller works alone: a split by hand is slower than a loop for
// a few tens of microseconds of work in all, which is why par splits only
// above its threshold. Above it, a split approaches GOMAXPROCS times a
// loop's speed on idle cores, as a hand-written split does. Few costly
// elements lose a little to the timing: the first runs alone, so an even
// count loses one element's worth of overlap. The speed-ups measured on
// the project's machine are in the README and in bench/results.
//
// What small cheap inputs pay is the timing: the first call on three or
// more elements reads the clock at least twice.
// par then remembers, per function (its code, so closures of one func
// literal share it), what an element cost; a later call whose whole input
// is estimated well below what a split repays runs inline without reading
// the clock. A remembered cost is trusted for a quarter of a second; the
// next call after that times the function again, in case its cost changed.
// Looking the cost up only reads memory, so goroutines calling one function
// at once do not slow each other down. Every inline run also pays a deferred
// call, which turns a panic of f into the [thread.PanicError] a split run
// gives. So a short input of trivial elements costs a few nanoseconds more
// than a plain loop (the deferred call, the call of Map and, from three
// elements, the lookup of f's cost), and a hundred or a thousand no more
// than the loop.
//
// Sum adds with four accumulators rather than one, so it is faster than a
// plain loop before any split, which waits for each add to finish before
// the next. A sum
// that only streams memory (10⁷ int64) then gains what the memory
// bandwidth allows beyond one core, which depends on the machine. Nothing
// is gained from splitting while the other cores are busy with other work:
// then the helpers only share the caller's core, at the price of the split.
//
// # Panics
//
// A panic in f stops the other goroutines from taking new batches, waits for
// every one of them to stop, then panics in the caller with a
// *thread.PanicError holding the first panic's value and stack. A
// runtime.Goexit in f (t.FailNow, for one) on a helper is reported the same
// way, with [thread.ErrGoexit] as the value.
//
// f is called from several goroutines at once: it must be safe for
// concurrent use, and it must not assume an order. Map, ForEach and Reduce
// give f each element exactly once. Every function here may be called from
// several goroutines at once.
package par
