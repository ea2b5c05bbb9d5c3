package harness

import "sync"

// pending holds what the current run of a Go side must undo once it has
// been timed. The harness runs one Go side at a time, so one list serves.
var pending struct {
	mu sync.Mutex
	fs []func()
}

// AfterRun registers f to run once the current run of an Impl has been
// timed, before the next run is set up: for what a run must undo but should
// not pay for, such as goroutines that hold locks for it, or a deadlock
// detector to turn off. Call it from an Impl's setup or from its run.
// Functions registered for one run run in reverse order, as defers do.
func AfterRun(f func()) {
	pending.mu.Lock()
	defer pending.mu.Unlock()
	pending.fs = append(pending.fs, f)
}

// runCleanups runs and forgets the functions AfterRun registered.
func runCleanups() {
	pending.mu.Lock()
	fs := pending.fs
	pending.fs = nil
	pending.mu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
}

// RunOnce sets up one run of impl with n operations, runs it, and then runs
// what it registered with AfterRun, untimed: one run as the harness makes
// it, for tests.
func RunOnce(impl Impl, n int) error {
	defer runCleanups()
	return impl(n)()
}
