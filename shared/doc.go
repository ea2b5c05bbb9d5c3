// Package shared holds the shared-state primitives of Rust's std::sync,
// spelled the Go way: locks that own the data they guard, remember a panic
// and report deadlocks.
//
// A [Mutex] or [RwLock] owns its value: the only way to it is through
// the guard that Lock, Read or Write returns, so nothing can touch the data
// without holding the lock (short of keeping the pointer Get returns, which
// the guard's contract forbids). When a goroutine panics while it holds a
// guard released by a deferred Unlock, the lock is poisoned: later Locks
// still succeed, and return the guard with [ErrPoisoned], because the value
// may be half-updated. [Condvar] waits on a [MutexGuard], [Arc] shares a value by
// reference counting and runs a release function when the last handle
// drops, [Barrier] lines goroutines up, and the atomics take a memory
// [Ordering] (all as strong as sync/atomic in a normal build).
//
// Every blocking operation parks through one seam, internal/sched, on a
// channel the waiting goroutine makes: testing/synctest sees such a
// goroutine as durably blocked (so it reports a test that deadlocks on a
// Mutex, which it cannot do for sync.Mutex), and the schedule explorer can
// take every wait and every switch point over. [DetectDeadlocks] records the
// order in which locks are taken and reports a cycle the moment it appears,
// whether or not the program deadlocked this time. When it is off, it costs
// one predictable branch per lock operation.
// Its reports, and the schedule explorer's, name each lock by where it
// was made and by the name [Mutex.Named] gave it:
// "lock_a (Mutex[int] made at main.go:12)".
//
// For Go programmers: the String methods print what Rust's Debug
// formatting ({:?}) prints for the same value ("Mutex { data: 6 }"), so the
// seeds' output reads the same; "poisoned" is Rust's word for a lock whose
// holder panicked; an Arc ("atomically reference counted") is a handle
// count, not memory management, which Go's collector does.
//
// What it costs: an atomic operation is the sync/atomic one behind one
// predictable branch (Load and Store of the integer types inline). An
// uncontended Lock and Unlock pair costs a compare-and-swap each, as a
// sync.Mutex pair does, and one function call more (BenchmarkMutex; the
// README has the figures). That call is the price of poisoning: only a
// function that the defer statement calls directly can see a panic,
// through recover, and Go never inlines a function that calls recover, so
// Unlock is a real call where sync.Mutex's inlines.
package shared
