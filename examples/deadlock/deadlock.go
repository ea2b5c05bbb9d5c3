// Package deadlock is the seeds' deadlock example: one thread takes lock A
// then lock B, the other B then A. If each gets its first lock before the
// other's second, both wait forever.
//
// The seeds start both threads at once and hope. Here the second starts
// after the first has finished, so this run cannot deadlock, and deadlock
// detection reports the two orders anyway: it records the order in which
// locks are taken and reports a cycle as soon as it appears, whether or not
// anyone blocked. The printed report is cut to one line per lock order; the
// full report (DeadlockReport.String) has each stack.
//
// The seeds' rules keep programs out of this: always take locks in the
// same order, hold them briefly, avoid nesting them, and prefer channels to
// shared state.
package deadlock

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Run takes the locks in both orders, one thread after the other, with
// detection on, and prints what it reports.
func Run(w io.Writer) {
	lockA := shared.NewArc(shared.NewMutex(0), nil)
	lockB := shared.NewArc(shared.NewMutex(0), nil)
	name := func(r shared.LockRef) string {
		switch {
		case r.Is(lockA.Value()):
			return "lock_a"
		case r.Is(lockB.Value()):
			return "lock_b"
		}
		return ""
	}
	stop := shared.DetectDeadlocks(func(r *shared.DeadlockReport) {
		for _, e := range r.Cycle {
			if name(e.Held) == "" || name(e.Taken) == "" {
				return // another program's locks (the tour may run others)
			}
		}
		fmt.Fprintf(w, "potential deadlock: %d locks taken in a cycle\n", len(r.Cycle))
		for _, e := range r.Cycle {
			fmt.Fprintf(w, "  took %s while holding %s, at %s\n", name(e.Taken), name(e.Held), site(e.Stack))
		}
	})
	defer stop()

	// DON'T DO THIS - potential deadlock
	la, lb := lockA.Clone(), lockB.Clone()
	t1 := thread.Go(func() {
		defer la.Drop()
		defer lb.Drop()
		a, _ := la.Value().Lock() // Locks A first
		defer a.Unlock()
		b, _ := lb.Value().Lock() // Then tries to lock B //fearless:allow lockorder the tour shows this cycle
		defer b.Unlock()
	})
	t1.Join() // the seeds do not wait here: that is what makes them deadlock

	la, lb = lockA.Clone(), lockB.Clone()
	t2 := thread.Go(func() {
		defer la.Drop()
		defer lb.Drop()
		b, _ := lb.Value().Lock() // Locks B first
		defer b.Unlock()
		a, _ := la.Value().Lock() // Then tries to lock A //fearless:allow lockorder the tour shows this cycle
		defer a.Unlock()
		// If t1 holds A and waits for B, and t2 holds B and waits for A -> DEADLOCK
	})
	t2.Join()
	fmt.Fprintln(w, "both threads finished: no deadlock on this run, and the cycle was reported anyway")
}

// site is a stack cut to its top frame: "deadlock.go:42 (deadlock.Run.func3)".
func site(stack []runtime.Frame) string {
	if len(stack) == 0 {
		return "?"
	}
	f := stack[0]
	fn := f.Function[strings.LastIndex(f.Function, "/")+1:]
	return fmt.Sprintf("%s:%d (%s)", filepath.Base(f.File), f.Line, fn)
}
