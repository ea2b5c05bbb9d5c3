package gort_test

import (
	"testing"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/model"
)

// A goroutine that locks its OS thread, as rewritten code does it, runs
// under the explorer, which locks none.
func TestLockOSThreadUnderTheExplorer(t *testing.T) {
	r := model.Explore(func() {
		done := gort.Made(make(chan bool))
		gort.Go(func() {
			gort.LockOSThread()
			defer gort.UnlockOSThread()
			gort.Out(done).Send(true)
		})
		gort.In(done).Recv()
	})
	if r.Failure != nil || !r.Exhaustive {
		t.Fatalf("Explore = %+v", r)
	}
	// Outside the explorer they are runtime's.
	gort.LockOSThread()
	gort.UnlockOSThread()
}
