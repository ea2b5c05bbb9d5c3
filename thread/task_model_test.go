package thread_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/thread"
)

// TestTaskWithCancelExplored runs a task's run and cancel in two threads
// while a third joins, in every order the explorer can find: exactly one of
// them counts, and Join and Done agree with it.
func TestTaskWithCancelExplored(t *testing.T) {
	why := errors.New("dropped")
	var ranFirst, canceledFirst int // over all schedules: both orders must be seen
	res := model.Explore(func() {
		calls := 0 // written by run's thread only; read after joining it
		h, run, cancel := thread.TaskWithCancel(func() int { calls++; return 1 })
		runner := thread.Go(run)
		canceler := thread.Go(func() { cancel(why) })
		v, err := h.Join()
		runner.Join()
		canceler.Join()
		switch {
		case err == nil && (v != 1 || calls != 1):
			panic(fmt.Sprintf("run counted: Join = %d, f ran %d times", v, calls))
		case err != nil && (err != why || v != 0 || calls != 0):
			panic(fmt.Sprintf("cancel counted: Join = %d, %v, f ran %d times", v, err, calls))
		case !h.IsFinished():
			panic("joined but not finished")
		}
		<-h.Done()
		if err == nil {
			ranFirst++
		} else {
			canceledFirst++
		}
	})
	if res.Failure != nil {
		t.Fatalf("%s: %s", res.Failure.Kind, res.Failure.Report)
	}
	if !res.Exhaustive {
		t.Fatalf("explored %d schedules without exhausting them", res.Schedules)
	}
	if ranFirst == 0 || canceledFirst == 0 {
		t.Fatalf("run came first in %d schedules, cancel in %d: want both", ranFirst, canceledFirst)
	}
	t.Logf("%d schedules: run first in %d, cancel first in %d", res.Schedules, ranFirst, canceledFirst)
}

// A thread built to keep its OS thread runs under the explorer, which runs
// every thread on goroutines of its own and locks none to an OS thread.
func TestLockOSThreadExplored(t *testing.T) {
	r := model.Explore(func() {
		h, err := thread.SpawnWith(thread.NewBuilder().LockOSThread(), func() int { return 1 })
		if err != nil {
			panic(err)
		}
		if v, err := h.Join(); v != 1 || err != nil {
			panic(fmt.Sprintf("Join = %d, %v", v, err))
		}
	})
	if r.Failure != nil || !r.Exhaustive {
		t.Fatalf("Explore = %+v", r)
	}
}
