// Package fearlesstest holds helpers for the tests of programs that use
// fearless: what fearless's own tests do, packaged so that a user need not
// copy it.
//
//   - [QuietPanics] keeps panics that a test causes on purpose, in threads,
//     pools or par calls, off standard error, and logs them if the test fails.
//   - [DetectDeadlocks] fails the test when locks are taken in an order that
//     can deadlock, whether or not this run deadlocked.
//   - [NoLeaks] fails the test when goroutines it started outlive it.
//   - [Explore] runs the test's body under the schedule explorer
//     (package model), one interleaving at a time.
//
// Each helper undoes what it set up when the test ends (t.Cleanup). The
// panic hook and deadlock detection are process-wide, and NoLeaks counts
// every goroutine: use them in tests that do not call t.Parallel.
package fearlesstest
