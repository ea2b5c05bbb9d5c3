package model

import (
	"fmt"
	"time"
)

// An Option changes how Explore searches.
type Option func(*config)

type config struct {
	maxSchedules int
	bound        int // preemption bound; -1: none
	boundSet     bool
	pct          int // PCT depth; 0: not asked for
	seed         uint64
	maxSteps     int
	noReduction  bool          // tests only: try every thread at every decision
	idleTimers   bool          // a timeout fires only when every thread is blocked
	budget       time.Duration // of wall-clock time; 0: none
	stall        time.Duration // how long a thread may go without calling into the explorer
}

// Defaults: a budget that a unit test can afford, no preemption bound and a
// fixed seed, so that two runs of a test explore the same schedules.
const (
	defaultMaxSchedules = 10000
	defaultPCTDepth     = 3
	defaultMaxSteps     = 20000
	defaultSeed         = 0x6665_6172_6c65_7373 // "fearless"
)

func newConfig(opts []Option) config {
	c := config{maxSchedules: defaultMaxSchedules, bound: -1, seed: defaultSeed, maxSteps: defaultMaxSteps, stall: defaultStall}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// MaxSchedules caps the number of schedules (runs of the function) that
// Explore tries. It panics if n < 1.
func MaxSchedules(n int) Option {
	if n < 1 {
		panic(fmt.Sprintf("model: MaxSchedules must be >= 1, got %d", n))
	}
	return func(c *config) { c.maxSchedules = n }
}

// PreemptionBound makes the depth-first search consider only schedules in
// which a thread that could go on is switched away from at most k times
// (switches at blocking operations, yields and thread ends are free). Most
// concurrency bugs need very few preemptions (CHESS found nearly all with
// two), and the number of schedules grows polynomially in the program's
// length for a fixed k instead of exponentially. Without PCT, the search is
// depth-first only, and Result.Exhaustive reports whether every schedule
// within the bound was covered. It panics if k < 0.
func PreemptionBound(k int) Option {
	if k < 0 {
		panic(fmt.Sprintf("model: PreemptionBound must be >= 0, got %d", k))
	}
	return func(c *config) { c.bound, c.boundSet = k, true }
}

// PCT makes Explore use probabilistic concurrency testing (Burckhardt et
// al., ASPLOS 2010): each schedule gives the threads random priorities,
// always runs the highest-priority thread that can run, and lowers the
// running thread's priority at depth-1 random steps. A bug that needs depth
// ordering constraints is found by one schedule with probability at least
// 1/(n*k^(depth-1)) for n threads and k steps. Without PreemptionBound,
// every schedule is a PCT one. It panics if depth < 1.
func PCT(depth int) Option {
	if depth < 1 {
		panic(fmt.Sprintf("model: PCT depth must be >= 1, got %d", depth))
	}
	return func(c *config) { c.pct = depth }
}

// Seed sets the seed of the random choices of PCT, so that a search can be
// repeated or varied. The default is a fixed seed.
func Seed(s uint64) Option { return func(c *config) { c.seed = s } }

// MaxSteps bounds the length of one schedule: a run that makes more than n
// scheduling decisions without ending is reported as a livelock, unless it
// still made progress in the last quarter of them (a goroutine started or
// ended, an object was touched for the first time, or many objects were
// touched): such a run is long rather than stuck, and is cut there, counted in Result.Cut, and the
// search is not exhaustive. The default is 20000. It panics if
// n < 1.
func MaxSteps(n int) Option {
	if n < 1 {
		panic(fmt.Sprintf("model: MaxSteps must be >= 1, got %d", n))
	}
	return func(c *config) { c.maxSteps = n }
}

// A TimerMode says when the explorer may fire a timeout (a sleep, a timer,
// a deadline).
type TimerMode int

const (
	// TimersEarly, the default of Explore, lets a timeout fire whenever it
	// races with something else that could happen: the search tries the
	// timeout both before and after the wake-up it races with. It fires
	// at most a few times in a row while another thread waits to run, as a
	// fair runtime would let that thread go on, so that a ticker cannot
	// keep the goroutine that would stop it from running.
	TimersEarly TimerMode = iota
	// TimersIdle follows testing/synctest: modelled time advances only
	// when every thread is blocked, so a timeout never fires while some
	// thread could still run, and then to the earliest deadline. The
	// timeouts of that instant all come due together: each may fire at any
	// point from then on, in any order, while the threads they woke run.
	// fearless test uses it by default.
	TimersIdle
)

// Timers sets when a timeout may fire. It panics on an unknown mode.
func Timers(m TimerMode) Option {
	if m != TimersEarly && m != TimersIdle {
		panic(fmt.Sprintf("model: Timers needs TimersEarly or TimersIdle, got %d", m))
	}
	return func(c *config) { c.idleTimers = m == TimersIdle }
}

// Budget bounds the wall-clock time Explore spends: it starts no schedule
// after d has passed (the one running goes on to its end), and the result
// is then not exhaustive. It panics if d <= 0.
func Budget(d time.Duration) Option {
	if d <= 0 {
		panic(fmt.Sprintf("model: Budget must be positive, got %v", d))
	}
	return func(c *config) { c.budget = d }
}

// StallTimeout sets how long a thread may run without reaching an operation
// the explorer controls before the exploration ends with a failure of kind
// "outside" (the thread is blocked on a plain Go channel or sync lock, in a
// syscall, or busy): by default 10 seconds. It panics if d <= 0.
func StallTimeout(d time.Duration) Option {
	if d <= 0 {
		panic(fmt.Sprintf("model: StallTimeout must be positive, got %v", d))
	}
	return func(c *config) { c.stall = d }
}
