// Package distpool is fearless's worker pool across processes and
// machines, on NATS JetStream.
//
// A task is a function registered by name, with Register, in every
// process that submits it or runs it (best at init, so that the same
// binary can be both). Submit stores a call (the name and the argument,
// encoded with encoding/gob) in a work-queue stream and returns a Handle;
// Serve, in any number of worker processes, takes calls one at a time
// each, runs them and records their results; Handle.Join waits for the
// result.
//
// The contract is pool's, made to survive processes:
//
//   - A call submitted before any worker serves waits in the stream.
//   - A panic in a task comes back from Join as a *thread.PanicError whose
//     Thread names the worker (its Name option) and whose Value is the
//     panic value as text; the worker keeps serving.
//   - A worker that dies mid-task (or loses the server for longer than its
//     lease) has the call run again by another worker, once the lease of
//     its hold ran out. A call may thus run more than once, but its result
//     is recorded once: the first recorded result is the one every Join
//     sees. Tasks should be idempotent, or tolerate a second run.
//   - When Serve's context ends, the worker takes no new call, finishes
//     the ones it runs, and returns.
//
// While a worker runs a call it renews its hold every quarter lease, so a
// long task is not run twice while its worker lives.
package distpool
