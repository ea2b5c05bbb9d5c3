package harness

import (
	"fmt"
	"sort"
	"sync"
)

// Workload is one measured job, the same on every side: what it does, how
// many operations one run performs, and what an operation is.
type Workload struct {
	Name   string // "chan/bounded1/mpsc"; also the Rust binary's name for it
	Group  string // chart and table section: "channels", "locks", "threads", "pool & par"
	Desc   string // one line for the table
	Unit   string // what one of the N operations is: "msg", "lock", "thread", ...
	N      int    // operations per run in a full run
	QuickN int    // operations per run with -quick

	// A workload that is one point of a curve (how cost grows with work)
	// names its curve, the quantity on the curve's x axis and its value
	// there; a group whose workloads have a Series is drawn as curves.
	Series string // "unbounded channel, one consumer"
	XName  string // "producers"
	X      int    // 16

	// FullOnly leaves the workload out of -quick runs: its setup (untimed,
	// but paid at every run) is too long for CI's quick run.
	FullOnly bool
}

// Impl prepares one run of a workload with n operations (untimed) and returns
// the function to time. That function reports a wrong result as an error, so
// no side can win by skipping work.
type Impl func(n int) (run func() error)

// Side names. Go is the baseline every ratio is taken against.
const (
	SideGo       = "go"
	SideFearless = "fearless"
	SideRust     = "rust"
	SideXsync    = "xsync"
	SideDeadlock = "go-deadlock"
	SideConc     = "conc"
	SidePond     = "pond"
	SideAnts     = "ants"
)

// sideOrder fixes the column order of tables and charts.
var sideOrder = []string{SideGo, SideFearless, SideRust, SideXsync, SideDeadlock, SideConc, SidePond, SideAnts}

// SideInfo says what a side is, for the report.
var SideInfo = map[string]string{
	SideGo:       "Go built-ins: chan, sync.Mutex, sync.RWMutex, sync.WaitGroup, sync.Cond (unbounded = chan with capacity N; pool/100us = a goroutine per task; deadlock/*: no detector; scale/explore/*: one native run)",
	SideFearless: "github.com/fearlessgo/fearless: mpsc, shared, thread, pool, par (deadlock/*, scale/deadlock/*: shared.DetectDeadlocks on; scale/explore/*: model.Explore)",
	SideRust:     "Rust std: std::sync::mpsc, Mutex, RwLock, Barrier, thread::spawn/scope (mpmc: Receiver behind a Mutex)",
	SideXsync:    "github.com/puzpuzpuz/xsync/v4: UMPSCQueue, MPMCQueue (blocking = Try* and runtime.Gosched), RBMutex",
	SideDeadlock: "github.com/sasha-s/go-deadlock: Mutex, RWMutex with its defaults (lock-order detection, 30 s timeout); deadlock/*, scale/deadlock/*: lock-order detection only",
	SideConc:     "github.com/sourcegraph/conc: WaitGroup, pool.Pool, iter.Map",
	SidePond:     "github.com/alitto/pond/v2: Pool",
	SideAnts:     "github.com/panjf2000/ants/v2: Pool",
}

// SideRank orders sides for display; unknown sides go last, by name.
func SideRank(side string) int {
	for i, s := range sideOrder {
		if s == side {
			return i
		}
	}
	return len(sideOrder)
}

// SortSides sorts side names in display order.
func SortSides(sides []string) {
	sort.SliceStable(sides, func(i, j int) bool {
		ri, rj := SideRank(sides[i]), SideRank(sides[j])
		if ri != rj {
			return ri < rj
		}
		return sides[i] < sides[j]
	})
}

// Registry holds the workloads and, for each, the Go-process sides that
// implement it. The Rust side is not registered here: the Rust binary says
// which workloads it knows.
type Registry struct {
	mu        sync.Mutex
	workloads []Workload
	impls     map[string]map[string]Impl // workload -> side -> impl
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{impls: map[string]map[string]Impl{}}
}

// Default is the registry the workloads package fills in its init functions.
var Default = NewRegistry()

// AddWorkload declares a workload; names must be unique.
func (r *Registry) AddWorkload(w Workload) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, x := range r.workloads {
		if x.Name == w.Name {
			panic(fmt.Sprintf("harness: workload %q declared twice", w.Name))
		}
	}
	if w.N <= 0 || w.QuickN <= 0 {
		panic(fmt.Sprintf("harness: workload %q needs N > 0 and QuickN > 0", w.Name))
	}
	if w.Series != "" && (w.XName == "" || w.X <= 0) {
		panic(fmt.Sprintf("harness: workload %q is a point of %q: it needs XName and X > 0", w.Name, w.Series))
	}
	r.workloads = append(r.workloads, w)
}

// Register adds one side's implementations, a table from workload name to
// function. A name that is not a declared workload panics at start.
func (r *Registry) Register(side string, table map[string]Impl) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for name, impl := range table {
		if r.impls[name] == nil {
			r.impls[name] = map[string]Impl{}
		}
		if _, dup := r.impls[name][side]; dup {
			panic(fmt.Sprintf("harness: side %q registered twice for %q", side, name))
		}
		r.impls[name][side] = impl
	}
}

// Check reports implementations registered for undeclared workloads.
func (r *Registry) Check() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	known := map[string]bool{}
	for _, w := range r.workloads {
		known[w.Name] = true
	}
	for name := range r.impls {
		if !known[name] {
			return fmt.Errorf("harness: implementations registered for undeclared workload %q", name)
		}
	}
	return nil
}

// Workloads returns the declared workloads in declaration order.
func (r *Registry) Workloads() []Workload {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Workload(nil), r.workloads...)
}

// Impls returns the Go-process sides of one workload.
func (r *Registry) Impls(workload string) map[string]Impl {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]Impl{}
	for s, f := range r.impls[workload] {
		out[s] = f
	}
	return out
}
