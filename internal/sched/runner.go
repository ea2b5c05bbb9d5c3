package sched

// Runner is implemented by a Scheduler that runs a function many times, one
// schedule per run, such as the schedule explorer. The runtime of rewritten
// Go code (package gort) uses it for what the plain seam cannot say.
type Runner interface {
	// Run identifies the run in progress: it differs from one run to the
	// next, so that state kept outside a run (a package-level mutex, say)
	// can be reset at the start of each.
	Run() uint64
	// Choose returns a number in [0, n): a decision of the schedule, tried
	// each way by an exhaustive search and replayed exactly.
	Choose(n int) int
	// GoDaemon starts f as a scheduled goroutine that serves others (a
	// timer): it is not waited for at the end of a run, nor reported as
	// leaked; reports name it by label and site, where it was made.
	GoDaemon(f func(), label string, site *CallSite)
	// Fail ends the run as a failure of the given kind, with a report for
	// people. The caller goes on until its next operation.
	Fail(kind, report string)
	// Touch records that the running operation reads or changes obj, an
	// object it did not name at its switch point (the shared choice of a
	// select another goroutine waits in, say), so that the search tries
	// the orders of operations that depend on each other through it.
	Touch(obj any)
	// Label names the calling goroutine in reports ("TestX", say).
	Label(name string)
	// Outside records an operation that the scheduler does not control
	// (a channel made by code that was not rewritten, say), so that the
	// search does not call itself exhaustive.
	Outside(what string)
	// Current returns the id of the calling goroutine in the run: 0 for
	// the one that runs the function under test, then in the order they
	// were started.
	Current() int
	// WaitIdle blocks the calling goroutine until no other goroutine of
	// the run can go on: every one is blocked, waiting for time to pass,
	// or has ended (testing/synctest's Wait). Time does not pass while a
	// WaitIdle can return.
	WaitIdle()
}

// ActiveRunner returns the installed scheduler as a Runner, or nil.
func ActiveRunner() Runner {
	if b := installed.Load(); b != nil {
		if r, ok := b.s.(Runner); ok {
			return r
		}
	}
	return nil
}
