// Package exploredeadlock runs the seeds' deadlock under the schedule
// explorer. The program (t1 locks A then B, t2 locks B then A) deadlocks only
// when the threads interleave just so, which a test may never see; the
// explorer tries the schedules systematically, reports the one that
// deadlocks with what each thread waits for, and replays it on demand. The
// fix from the seeds, one lock order for everyone, is then explored in full.
package exploredeadlock

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Deadlock is the seeds' program: DON'T DO THIS. The locks are named, so
// that the report says which: "lock_a (Mutex[int] made at deadlock.go:21)".
func Deadlock() {
	lockA := shared.NewMutex(0).Named("lock_a")
	lockB := shared.NewMutex(0).Named("lock_b")
	t1 := thread.Go(func() {
		a, _ := lockA.Lock() // locks A first
		defer a.Unlock()
		b, _ := lockB.Lock() // then tries to lock B //fearless:allow lockorder the tour shows this cycle
		defer b.Unlock()
	})
	t2 := thread.Go(func() {
		b, _ := lockB.Lock() // locks B first
		defer b.Unlock()
		a, _ := lockA.Lock() // then tries to lock A //fearless:allow lockorder the tour shows this cycle
		defer a.Unlock()
	})
	t1.Join()
	t2.Join()
}

// SameOrder is the fix: both threads lock A, then B.
func SameOrder() {
	lockA := shared.NewMutex(0)
	lockB := shared.NewMutex(0)
	worker := func() {
		a, _ := lockA.Lock()
		defer a.Unlock()
		b, _ := lockB.Lock()
		defer b.Unlock()
	}
	t1, t2 := thread.Go(worker), thread.Go(worker)
	t1.Join()
	t2.Join()
}

// Run explores both programs and replays the deadlock.
func Run(w io.Writer) {
	r := model.Explore(Deadlock)
	if r.Failure == nil {
		fmt.Fprintf(w, "no deadlock found in %d schedules\n", r.Schedules)
		return
	}
	fmt.Fprintf(w, "model.Explore found a %s after %d schedules:\n\n%s\n", r.Failure.Kind, r.Schedules, r.Failure.Report)

	again := model.Replay(r.Failure.Schedule, Deadlock)
	same := again.Failure != nil && again.Failure.Report == r.Failure.Report
	fmt.Fprintf(w, "model.Replay(%q) gives the same %s: %v\n", r.Failure.Schedule, r.Failure.Kind, same)

	fixed := model.Explore(SameOrder)
	if fixed.Failure != nil {
		fmt.Fprintf(w, "the fix fails too:\n%s\n", fixed.Failure.Report)
		return
	}
	fmt.Fprintf(w, "one lock order for everyone: no failure in %d schedules (exhaustive: %v)\n", fixed.Schedules, fixed.Exhaustive)
}
