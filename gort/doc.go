// Package gort is the runtime that Go code rewritten by fearless test calls
// instead of the language's own concurrency and the other sources of
// nondeterminism: the go statement, channel operations, select, range over
// maps, and (in its subpackages) sync, sync/atomic, time, context,
// math/rand, math/rand/v2, testing and testing/synctest.
//
// Each entry point does exactly what the Go operation does while no
// schedule explorer runs, so a rewritten package still builds, runs and
// passes its tests as before. While the explorer runs (package model, through
// the internal scheduler seam), every goroutine is a thread of the
// explorer, every operation is a point where another goroutine may be
// chosen, and every blocking operation parks in the explorer: channels,
// locks and timers are modelled, one run at a time, with their state kept
// per run, so that a package-level mutex or channel starts each run as it
// was before the first.
//
// Users do not call gort: fearless test rewrites their sources at build
// time (an overlay of go test) into calls of it. Its API follows what the
// rewriter needs, not what a person would write.
package gort
