// Package model is a schedule explorer: it runs a concurrent function under
// many interleavings, one deterministic schedule at a time, until one breaks
// it, and prints a schedule string that replays the failure every time.
// It is Rust's loom and shuttle for Go's fearless types.
//
// Inside the function given to Explore, threads started with thread.Spawn,
// thread.Go, thread.SpawnWith and thread.Scope run one at a time, and every
// operation on a fearless type (Mutex and RwLock lock and unlock, Condvar,
// Barrier, channel send, receive and close, atomic load, store and
// read-modify-write, spawn, join, sleep, yield) is a point where the
// explorer may switch to another thread. A run ends in success, a panic (an
// assertion failure, in any thread), a deadlock (no thread can go on while
// some are blocked: the report says what each one waits for and shows its
// stack), a leak (the function returned, but threads it started can never
// end), or a livelock (MaxSteps decisions without an end). Plain Go code
// (go statements, channels, select, package sync) is explored the same way
// when fearless test has rewritten it to call package gort.
//
//	func TestCounter(t *testing.T) {
//		model.Check(t, func() {
//			c := shared.NewMutex(0)
//			h := thread.Go(func() { c.With(func(v *int) { *v++ }) })
//			c.With(func(v *int) { *v++ })
//			h.Join()
//			if v, _ := c.Load(); v != 2 {
//				panic(fmt.Sprintf("counter is %d", v))
//			}
//		})
//	}
//
// # Search
//
// The default search is depth first, with partial-order reduction as in
// loom (DPOR, Flanagan and Godefroid, with sleep sets): two orders of
// operations that touch different objects are not both tried, so a small
// test is covered exhaustively (Result.Exhaustive). When the schedules do
// not fit the budget (MaxSchedules, 10000 by default), the rest of it goes to
// PCT (Burckhardt et al.), randomised priority scheduling that finds a bug
// needing d ordering constraints with a probability of at least
// 1/(n*k^(d-1)) per schedule, for n threads and k steps. PreemptionBound
// bounds the depth-first search to schedules with few preemptions (CHESS:
// most bugs need one or two); PCT alone asks for PCT only; Seed varies it.
//
// # Memory model
//
// Atomics of package shared get their C11 meaning, as in loom: every store
// to an atomic is kept, and a load may return any store that coherence and
// happens-before allow, so a Relaxed load can see an old value; an Acquire
// load that reads a Release store synchronises with it; SeqCst operations
// are totally ordered. The search tries each value a load may read. Every
// other fearless operation synchronises as its Rust counterpart does (a lock
// acquire sees everything before the previous release, a receive everything
// before the send). Outside the explorer, every ordering is sequentially
// consistent, which is a correct strengthening.
//
// Plain Go variables shared between threads are not modelled: a program
// must order them with fearless operations (a Mutex, a channel, Join), as
// the race detector requires anyway. Where Rust code reads an UnsafeCell
// while another thread writes it (the seeds' UsizePair), that is a data race
// in Go: use a Relaxed atomic, which allows exactly the reorderings such
// code can observe, and which the explorer models.
//
// # Time
//
// Time is modelled. Sleeps and timeouts do not wait: a timeout fires when no
// thread could run otherwise, or earlier when the search tries it against a
// wake-up that races with it, and the modelled clock (sched.Now) moves to
// its deadline. thread.YieldNow and thread.Sleep let other threads run
// first and let the caller see the stores made before it yielded; a loop
// that waits for another thread must call one of them, or it spins until
// MaxSteps.
//
// # Rules for the function under test
//
// It must be deterministic apart from the schedule: the same decisions must
// lead to the same operations, so no wall-clock time, randomness or map
// iteration order that changes what it does. It must start threads only
// through package thread, block only through fearless types (a thread
// blocked on a plain Go channel or sync.Mutex, or a goroutine started with
// the go statement that uses fearless types, ends the exploration with a
// failure of kind "outside": see StallTimeout), and close its
// channel handles explicitly (the garbage collector closing a forgotten one
// happens at a moment the explorer cannot control). A panic in any thread
// is a failure, even where Join would return it as a value. Only one Explore
// or Replay runs at a time in a process: model tests must not call
// t.Parallel, and the function must not call Explore or Replay (a failure of
// kind "nested"). While one runs, the thread panic hook is replaced.
// Threads run on goroutines of the explorer, which it switches between as
// coroutines: a thread built with thread.Builder.LockOSThread is not locked
// to an OS thread, and a thread must not call runtime.LockOSThread itself,
// which Go's coroutines do not allow (fearless test turns those calls into
// gort's, which do nothing under the explorer).
//
// Explore restores everything when it returns: no scheduler stays
// installed, and every goroutine of every run has ended, those of a run that
// was abandoned (a deadlock) included, which are unwound by a panic that the
// explorer recovers.
//
// # Cost
//
// Nothing of this costs anything outside the explorer: each fearless
// operation checks with one atomic load that no scheduler is installed.
package model
