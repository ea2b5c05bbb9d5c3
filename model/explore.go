package model

import (
	"fmt"
	"strings"
	"testing"
)

// Kinds of failure.
const (
	KindDeadlock         = "deadlock"
	KindLeak             = "leak"
	KindPanic            = "panic"
	KindLivelock         = "livelock"
	KindNondeterministic = "nondeterministic"
	KindInvalidSchedule  = "invalid schedule"
	KindNested           = "nested"
)

// Result is what an exploration found.
type Result struct {
	Schedules  int      // how many schedules (runs of the function) were tried
	Exhaustive bool     // every schedule was tried (within the preemption bound, if one was set)
	Failure    *Failure // the first failure found, or nil

	// Outside counts the operations that the explorer saw but does not
	// control (a channel made by code that was not rewritten, say). When
	// it is not zero, the search is not exhaustive, whatever it covered.
	Outside int
	// OutsideNotes describes the first few of those, different ones only.
	OutsideNotes []string
	// Cut counts the runs that reached MaxSteps while still making
	// progress (see MaxSteps): long, not livelocked, they were cut there,
	// and when it is not zero the search is not exhaustive.
	Cut int
}

// Failure is a schedule that breaks the function under test.
type Failure struct {
	// Kind is "deadlock" (no thread can go on while some are blocked),
	// "leak" (the function under test returned, and threads it started
	// can never end), "panic" (the function or a thread it started panicked: under the
	// explorer a panic is a failed assertion, even where Join would return
	// it as a value), "livelock" (a run made MaxSteps decisions without
	// ending), "nondeterministic" (the function did not take the same
	// decisions when given the same schedule), "invalid schedule" (Replay
	// was given a string that is not a schedule) or "nested" (the function
	// called Explore or Replay: an explorer does not run inside another).
	Kind string
	// Report is for people: the panic value and stack, or what each blocked
	// thread waits for and its stack, then the steps that led there and the
	// call that replays the schedule.
	Report string
	// Schedule replays the failure with Replay.
	Schedule string
}

// Error returns the first line of the report.
func (f *Failure) Error() string {
	first, _, _ := strings.Cut(f.Report, "\n")
	return "model: " + first
}

// String returns the report.
func (f *Failure) String() string { return f.Report }

// Explore runs f under every schedule it can afford and returns what it
// found. Inside f, threads started with thread.Spawn, thread.Go, SpawnWith
// and Scope run one at a time, and every operation on a fearless type
// (lock, unlock, send, receive, close, condvar, barrier, atomic load and
// store, spawn, join, sleep, yield) is a point where another thread may be
// chosen. Each run of f ends in success, a panic, a deadlock, a leak (f
// returned while threads it started can never end) or a livelock;
// Explore stops at the first failure.
//
// By default, Explore searches depth first with partial-order reduction
// (so that two orders of independent operations are not both tried) and no
// preemption bound, on half the MaxSchedules budget; if that does not cover
// every schedule, it spends the rest on PCT with depth 3. PreemptionBound
// alone asks for a depth-first search only, PCT alone for PCT only.
//
// f must be deterministic apart from the schedule: the same decisions must
// lead it to the same operations (no wall-clock time, randomness, map
// iteration order or goroutines started with the go statement that use
// fearless types). Time is modelled: sleeps and timeouts do not wait, a
// timeout fires when no thread could run otherwise or when the search
// tries it against a wake-up it races with (Timers(TimersIdle) keeps it to
// the first). A thread that blocks on a plain Go channel or a sync.Mutex
// ends the exploration, after StallTimeout, with a failure of kind
// "outside", and the result is not exhaustive: inside f, block only
// through fearless types.
//
// Explore panics if another Explore or Replay is running, in this
// goroutine (a nested call inside f) or in another: model tests must not
// call t.Parallel. While it runs, the thread panic hook is replaced (a
// panic in a thread is part of the report instead).
func Explore(f func(), opts ...Option) Result {
	if f == nil {
		panic("model: Explore needs a function to explore, got nil")
	}
	x := begin(newConfig(opts), f)
	defer x.stop()
	return x.explore()
}

// Check explores f as Explore does and fails the test with the report
// (which ends with the call that replays the failing schedule) when a
// schedule breaks f. It logs how many schedules it tried.
func Check(t testing.TB, f func(), opts ...Option) {
	t.Helper()
	r := Explore(f, opts...)
	if r.Failure != nil {
		t.Fatalf("model: %d schedule(s) tried; %s", r.Schedules, r.Failure.Report)
	}
	t.Logf("model: %d schedule(s) tried, exhaustive: %v, no failure", r.Schedules, r.Exhaustive)
}

// Replay runs f once along schedule, the Schedule of a Failure, and
// returns what happened: the same failure, every time, as long as f has not
// changed. A string that is not a schedule gives a failure of kind
// "invalid schedule"; a schedule that f does not follow (it was recorded
// for another function, or f changed) one of kind "nondeterministic".
func Replay(schedule string, f func()) Result {
	if f == nil {
		panic("model: Replay needs a function to run, got nil")
	}
	path, idle, err := parseSchedule(schedule)
	if err != nil {
		return Result{Failure: &Failure{Kind: KindInvalidSchedule, Report: err.Error(), Schedule: schedule}}
	}
	cfg := newConfig(nil)
	cfg.idleTimers = idle
	cfg.maxSteps = max(cfg.maxSteps, len(path)) // a schedule recorded with a larger MaxSteps
	x := begin(cfg, f)
	defer x.stop()
	s := &replaying{path: path}
	x.sites.Store(true)
	x.runAll(s)
	e := s.e
	r := Result{Schedules: 1, Failure: e.failure}
	x.outside.addTo(&r)
	x.addCutTo(&r)
	if r.Failure == nil && e.pos < len(path) {
		r.Failure = &Failure{Kind: KindNondeterministic, Schedule: schedule, Report: fmt.Sprintf(
			"nondeterministic: the function ended after %d decisions, but the schedule has %d: it was recorded for another function, or the function changed",
			e.pos, len(path))}
	}
	return r
}
