// Package par runs loops over slices in parallel, as Rust's rayon does for
// iterators: Map, ForEach, Reduce and Sum split a slice across GOMAXPROCS
// goroutines and return when every element has been handled.
//
// # How the work is split
//
// The calling goroutine always takes part. It starts alone and, on inputs of
// more than a thousand elements, times the first elements it handles; only
// when the rest is estimated to take long enough to repay starting helpers
// (about 40µs of work) does it start GOMAXPROCS-1 of them. The remaining
// range is then split evenly, and each goroutine takes small batches from the
// front of its own part; one that runs out steals the back half of another's
// part. So uneven work (a few expensive elements, or cost growing along the
// slice) still keeps every core busy until the end, and no element is handled
// twice or skipped.
//
// # When parallelism pays
//
// Splitting costs a few microseconds: starting a goroutine, waking an idle
// core, and waiting for the last one. It pays when the whole loop takes well
// over that (tens of microseconds or more: 100,000 elements of 1µs each run
// about twice as fast on two idle cores) and when the work is bound by
// computation or by data that fits in the caches. A loop that only streams
// memory (summing 10⁷ int64) gains what the memory bandwidth allows beyond
// one core, which depends on the machine. Nothing is gained while the other
// cores are busy with other work: then the helpers only share the caller's
// core, at the price of the split. Inputs of up to 1,000 elements always run
// inline, as a plain loop would, with no timing and no goroutines: for a few
// elements that each cost tens of microseconds or more, use thread.Scope or
// pool instead.
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
