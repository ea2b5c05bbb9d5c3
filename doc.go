// Package fearless brings Rust's model of concurrency to Go: threads whose
// panics come back as values, channels that know when every sender is gone,
// locks that own the data they guard and remember a panic, protocols between
// goroutines checked by the compiler, and the tools that find what goes
// wrong where the compiler cannot: deadlock detection, a schedule explorer
// and static checks. This package holds no code; it is the map of the
// others.
//
// # Which package to reach for
//
//   - To run a function concurrently and get its result or its panic back:
//     [github.com/fearlessgo/fearless/thread]. thread.Go and thread.Spawn
//     return a handle whose Join returns the value, or a thread.PanicError
//     instead of the process dying; thread.Scope lets threads borrow the
//     caller's variables.
//   - To pass values between goroutines with a clear end:
//     [github.com/fearlessgo/fearless/mpsc]. A channel's receiver learns that
//     every sender closed (ErrDisconnected) and a sender that the receiver is
//     gone (the value comes back in a mpsc.SendError).
//   - To share state: [github.com/fearlessgo/fearless/shared]. A shared.Mutex
//     owns its value, reachable only through the guard, and is poisoned by a
//     panic under the lock; also RwLock, Condvar, Arc, Barrier, atomics
//     with explicit orderings, and a deadlock detector
//     (shared.DetectDeadlocks).
//   - To fix the order of messages between two goroutines at compile time:
//     [github.com/fearlessgo/fearless/session], whose protocols are Go types.
//   - To run many small tasks on a fixed set of workers:
//     [github.com/fearlessgo/fearless/pool]. To apply a function to every
//     element of a slice in parallel: [github.com/fearlessgo/fearless/par].
//   - To test concurrent code: [github.com/fearlessgo/fearless/fearlesstest]
//     in your tests (quiet expected panics, fail on a lock-order cycle or a
//     leaked goroutine), and [github.com/fearlessgo/fearless/model], the
//     schedule explorer, which runs a test under many interleavings and
//     replays the one that broke it.
//   - On unmodified Go code (go statements, Go channels, package sync):
//     the fearless command, whose test subcommand explores a package's own
//     tests and whose vet subcommand runs the static checks
//     (go run github.com/fearlessgo/fearless/cmd/fearless help).
//
// The programs of the Rust tutorials, ported, are in the examples folder:
// go run github.com/fearlessgo/fearless/cmd/fearless tour.
//
// # For Go programmers
//
// Rust words that stay in the names keep their Rust meaning, spelled the Go
// way. "Drop" is Close (or Drop for an Arc): the handle is given up and the
// other side is told. "Poisoned" is a lock whose holder panicked, so the
// value may be half-updated. A "thread" is a goroutine with a handle, not an
// OS thread, unless its Builder asks for one. "Move" has no Go spelling: Go
// does not track ownership, so a value handed to another goroutine is given
// as its own copy, or no longer used by the sender, as the race detector
// requires anyway.
//
// The library packages depend on the standard library only.
package fearless
