package shared

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"

	"github.com/fearlessgo/fearless/internal/label"
)

// DetectDeadlocks turns on deadlock detection and calls report once for
// each new potential deadlock, until stop is called. A nil report prints
// each report to standard error.
//
// Detection records the order in which every Mutex and RwLock is taken
// while the same goroutine holds another: an edge from the held lock to the
// one taken. When a new edge closes a cycle (of any length) the locks can
// deadlock: goroutines that take them in those orders at the same time wait
// for each other forever. The cycle is reported as soon as its last edge is
// taken, before the lock is acquired, and whether or not any goroutine ever
// blocks: a program whose threads took A then B, and later B then A, is
// reported although it was lucky this time. A goroutine that takes a lock
// it already holds is reported too (a cycle of one edge); for an RwLock that
// includes a second Read, which deadlocks once a writer waits in between.
// Try acquisitions never wait, so they add no edge into the lock they take.
//
// report runs in the goroutine that took the lock, while it holds its other
// locks; it may take fearless locks itself. A report names each lock
// (LockRef) by the name given with Named and where it was made, as
// "lock_a (Mutex[int] made at main.go:12)" (locks made while detection is
// on record where), or else by type and address, and gives, for each edge,
// the goroutine and the stack where it took the second lock.
//
// Detection is process-wide. Calls may overlap: each report function sees
// every report made while it is registered. The lock-order graph is
// forgotten when detection turns off, and a lock's edges when the lock is
// garbage collected.
//
// Cost: off, one predictable branch per lock operation. On, detection must
// know which goroutine runs each operation, and Go has no cheap goroutine
// id. On Linux a goroutine that holds a lock is pinned to its OS thread
// (runtime.LockOSThread) and named by the thread's id, one system call: a
// lock/unlock pair costs some hundreds of nanoseconds, with no lock shared
// between goroutines except when a new edge is recorded. A goroutine
// waiting for its first lock waits unpinned, but one that blocks while
// holding a lock keeps its thread, so a program with thousands of such
// goroutines needs as many threads. A goroutine whose last lock another
// goroutine unlocks stays pinned, and a goroutine that exits holding a lock
// ends its thread (the locks stay recorded under that thread id, which the
// system may later give to another thread). Elsewhere the goroutine id is read from a stack trace,
// some microseconds per lock.
//
// Setting FEARLESS_DEADLOCK=1 in the environment turns detection on at
// start, printing reports to standard error.
func DetectDeadlocks(report func(*DeadlockReport)) (stop func()) {
	if report == nil {
		report = printReport
	}
	r := &reporter{f: report}
	graph.mu.Lock()
	if len(graph.reporters) == 0 {
		graph.reset()
	}
	graph.reporters = append(graph.reporters[:len(graph.reporters):len(graph.reporters)], r)
	setDetecting(true)
	graph.mu.Unlock()

	var once sync.Once
	return func() {
		once.Do(func() {
			graph.mu.Lock()
			defer graph.mu.Unlock()
			var rest []*reporter
			for _, other := range graph.reporters {
				if other != r {
					rest = append(rest, other)
				}
			}
			graph.reporters = rest
			if len(rest) == 0 {
				setDetecting(false)
				graph.reset()
			}
		})
	}
}

func init() {
	if os.Getenv("FEARLESS_DEADLOCK") == "1" {
		DetectDeadlocks(nil)
	}
}

var stderrMu sync.Mutex

func printReport(r *DeadlockReport) {
	stderrMu.Lock()
	defer stderrMu.Unlock()
	fmt.Fprintf(os.Stderr, "fearless: %s\n", r)
}

// A DeadlockReport is a cycle in the order locks were taken: Cycle[i].Taken
// is Cycle[i+1].Held, and the last edge's Taken is the first edge's Held.
// It starts at the lock detection saw first. A single edge from a lock to
// itself is a goroutine taking a lock it already holds.
type DeadlockReport struct {
	Cycle []LockEdge
}

// A LockEdge is one goroutine taking a lock while it held another: the
// first time detection saw the two locks taken in that order.
type LockEdge struct {
	Held, Taken LockRef
	Goroutine   uint64          // the runtime's id of the goroutine that took both
	Stack       []runtime.Frame // where Taken was taken, while holding Held

	pcs []uintptr
}

// A LockRef names a Mutex or RwLock in a report.
type LockRef struct {
	Kind string  // the lock's type, as "Mutex[int]"
	Addr uintptr // the lock's address
	id   uint64
	name string  // given by Named before detection first saw the lock
	site uintptr // where the lock was made, 0 when not recorded
}

// Name returns the name given to the lock by Named before detection first
// saw it taken, or "".
func (r LockRef) Name() string { return r.name }

// Site returns where the lock was made, as "main.go:12", or "" when that
// was not recorded: a lock declared as a variable, or made while neither
// detection nor the explorer was on.
func (r LockRef) Site() string { return label.Site(r.site) }

// String names the lock by what is known of it: its name and where it was
// made, "lock_a (Mutex[int] made at main.go:12)"; or, with neither, its
// type and address, "Mutex[int]@0xc000012345".
func (r LockRef) String() string {
	if s := label.Describe(r.Kind, r.name, r.Site()); s != "" {
		return s
	}
	return fmt.Sprintf("%s@%#x", r.Kind, r.Addr)
}

// Is reports whether r names lock, a *Mutex[T] or *RwLock[T].
func (r LockRef) Is(lock any) bool {
	v := reflect.ValueOf(lock)
	return v.Kind() == reflect.Pointer && v.Pointer() == r.Addr && kindOf(lock) == r.Kind
}

// String describes the cycle with both stacks of every edge, the way Go
// prints a goroutine trace.
func (r *DeadlockReport) String() string {
	var b strings.Builder
	if len(r.Cycle) == 1 && r.Cycle[0].Held == r.Cycle[0].Taken {
		e := r.Cycle[0]
		fmt.Fprintf(&b, "potential deadlock: goroutine %d takes %s, which it already holds, at\n", e.Goroutine, e.Taken)
		writeFrames(&b, e.Stack)
		return b.String()
	}
	fmt.Fprintf(&b, "potential deadlock: %d locks taken in a cycle\n", len(r.Cycle))
	for _, e := range r.Cycle {
		fmt.Fprintf(&b, "goroutine %d took %s while holding %s, at\n", e.Goroutine, e.Taken, e.Held)
		writeFrames(&b, e.Stack)
	}
	return b.String()
}

func writeFrames(b *strings.Builder, frames []runtime.Frame) {
	for _, f := range frames {
		fmt.Fprintf(b, "    %s()\n        %s:%d\n", f.Function, f.File, f.Line)
	}
}
