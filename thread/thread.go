package thread

import (
	"fmt"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/sched"
)

// A Thread describes one thread: its name and id, and the token that Park
// and Unpark pass. Threads are compared by ID.
type Thread struct {
	id     uint64
	config *config // nil for a thread with no Builder settings
	parker atomic.Pointer[sched.Parker]
}

// config is what a Builder sets for a thread.
type config struct {
	name      string
	stackSize int
	lockOS    bool
}

// mainThreadID is the id of the goroutine that runs main; spawned threads
// count on from there, as Rust's ThreadId does.
const mainThreadID = 1

// lastID sits alone on its cache line: every spawn adds to it.
var lastID struct {
	_ [64]byte
	atomic.Uint64
	_ [56]byte
}

func init() { lastID.Store(mainThreadID) }

func newID() uint64 { return lastID.Add(1) }

// Name returns the thread's name: "" when unnamed, "main" for the goroutine
// that runs main.
func (t *Thread) Name() string {
	if t.config == nil {
		return ""
	}
	return t.config.name
}

// ID returns an identifier unique to this thread for the life of the
// process; ids are never reused.
func (t *Thread) ID() uint64 { return t.id }

// StackSize returns the stack size the Builder recorded, or 0. Go stacks
// start small and grow on demand, so the size is not reserved up front.
func (t *Thread) StackSize() int {
	if t.config == nil {
		return 0
	}
	return t.config.stackSize
}

// String prints the thread as Rust's Debug does:
// Thread { id: ThreadId(2), name: Some("worker-1") }.
func (t *Thread) String() string {
	name := "None"
	if n := t.Name(); n != "" {
		name = fmt.Sprintf("Some(%q)", n)
	}
	return fmt.Sprintf("Thread { id: ThreadId(%d), name: %s }", t.id, name)
}

// displayName is the name panics report.
func (t *Thread) displayName() string {
	if n := t.Name(); n != "" {
		return n
	}
	return "<unnamed>"
}

func (t *Thread) parkerOf() *sched.Parker {
	if p := t.parker.Load(); p != nil {
		return p
	}
	t.parker.CompareAndSwap(nil, sched.NewParker())
	return t.parker.Load()
}

// Unpark makes the thread's token available: its current or next call to
// Park or ParkTimeout returns. Unparks do not accumulate: one token at most.
func (t *Thread) Unpark() { t.parkerOf().Unpark() }
