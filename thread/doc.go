// Package thread gives Go goroutines the semantics of Rust's std::thread.
//
// [Spawn] starts f in a new goroutine, a "thread", and returns a [JoinHandle].
// Join waits for the thread and returns f's value, or a [*PanicError] when f
// panicked: a panic in a thread never ends the process, it comes back to
// whoever joins, and it is reported once, when it happens, through the panic
// hook (by default to standard error, as Rust prints it). [Scope] lets threads
// use the caller's local variables and returns only after every thread spawned
// in it has ended. [Builder] names a thread, records a stack size and can pin it
// to one OS thread (Rust's 1:1 model) instead of Go's M:N scheduling. [Current]
// tells a thread its name and id; [Park] and Unpark block and wake one thread.
// For code that runs functions on goroutines of its own, such as a pool's
// workers, [Task] and [TaskWithCancel] hand out a JoinHandle before the function
// runs (or is dropped), and [ReportPanic] reports a panic it recovered through
// the same hook.
//
// The default hook prints where the thread panicked and with what, in
// Rust's words ("thread 'worker' panicked at main.go:12:"); with
// FEARLESS_BACKTRACE=1 in the environment it prints the stack too, leaving
// out fearless's own frames ([SetPanicHook]). In tests,
// fearlesstest.QuietPanics keeps expected panics quiet. Threads are plain
// goroutines to Go's tools: the race detector, the goroutine leak profile
// and pprof see them as such, and a named thread's goroutine carries the
// pprof label thread=NAME.
//
// Every function here is safe for concurrent use.
package thread
