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
// elements of 1µs ran 1.97x faster than a loop, 100 elements of 10µs 1.86x,
// 10 elements of 100µs 1.65x and 3 of them 1.13x, each within 10% of the
// hand-written split. Few costly elements lose a little to the timing: the
// first runs alone, so an even count loses one element's worth of overlap.
//
// What small cheap inputs pay is the timing: the first call on three or
// more elements reads the clock at least twice (about 20ns a read there).
// par then remembers, per function (its code, so closures of one func
// literal share it), what an element cost; a later call whose whole input
// is estimated well below what a split repays runs inline without reading
// the clock, and one call in 16 times it again in case the cost changed. So
// ten trivial elements take about 42ns where the loop takes 30ns, a hundred
// or a thousand the loop's time, and one or two about 2ns more than a loop. A loop that only streams memory
// (summing 10⁶ or 10⁷ int64) gains what the memory bandwidth allows beyond
// one core, which depends on the machine. Nothing is gained while the other
// cores are busy with other work: then the helpers only share the caller's
// core, at the price of the split.
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
