// Package par runs loops over slices in parallel, as Rust's rayon does for
// iterators: Map, ForEach, Reduce and Sum split a slice across GOMAXPROCS
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
// the front of its own part; one that runs out steals the back half of
// another's part. So uneven work (a few expensive elements, or cost growing
// along the slice) still keeps every core busy until the end, and no element
// is handled twice or skipped.
//
// # When parallelism pays
//
// Splitting costs the caller a few microseconds (starting a goroutine and
// waiting for the last one), and waking the idle core takes more, during
// which the caller works alone. On the 2-core machine where par was tuned, a
// split by hand across two goroutines was slower than a loop up to about
// 20µs of work in all and about even at 40µs, so par splits only above
// that. From there on both approach 2x on two idle cores: 100,000
// elements of 1µs ran 1.99x faster than a loop, 100 elements of 10µs 1.75x
// and 10 elements of 100µs 1.63x, each within 5% of the hand-written split;
// 3 elements of 100µs gained nothing there, by hand or with par (3% behind
// the hand split). Few costly elements lose a little to the timing: the
// first runs alone, so an even count loses one element's worth of overlap.
//
// What small cheap inputs pay is the timing: the first call on three or
// more elements reads the clock at least twice (20 to 25ns a read there).
// par then remembers, per function (its code, so closures of one func
// literal share it), what an element cost; a later call whose whole input
// is estimated well below what a split repays runs inline without reading
// the clock. A remembered cost is trusted for a quarter of a second; the
// next call after that times the function again, in case its cost changed.
// Looking the cost up only reads memory, so goroutines calling one function
// at once do not slow each other down. Every inline run also pays a deferred
// call, which turns a panic of f into the *thread.PanicError a split run
// gives. So one or two trivial elements take 3 to 4ns more than a plain
// loop (the deferred call and the call of Map), three 8 to 9ns more and
// ten 4 to 9ns more (the lookup of f's cost adds about 5ns), and a hundred
// or a thousand no more than the loop.
//
// Sum adds with four accumulators rather than one, so it is faster than a
// plain loop before any split: a thousand float64 in a quarter of the time
// (a plain loop waits for each add to finish before the next) and int64 in
// 0.4 to 0.8 of it, depending on where the plain loop's code lands. A sum
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
// way, with thread.ErrGoexit as the value.
//
// f is called from several goroutines at once: it must be safe for
// concurrent use, and it must not assume an order. Map, ForEach and Reduce
// give f each element exactly once. Every function here may be called from
// several goroutines at once.
package par
