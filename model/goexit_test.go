package model_test

import (
	"errors"
	"runtime"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// A thread that leaves by runtime.Goexit ends as if it returned, and the
// run goes on: its Join reports ErrGoexit, the other threads run to their
// end, and every schedule is explored.
func TestGoexitInAThreadEndsIt(t *testing.T) {
	bad := ""
	r := model.Explore(func() {
		m := shared.NewMutex(0)
		quitter := thread.Go(func() {
			g, _ := m.Lock()
			*g.Get()++
			g.Unlock()
			runtime.Goexit()
		})
		worker := thread.Go(func() {
			g, _ := m.Lock()
			*g.Get()++
			g.Unlock()
		})
		_, err := quitter.Join()
		var pe *thread.PanicError
		if !errors.As(err, &pe) || pe.Value != thread.ErrGoexit {
			bad = "Join of the thread that left by Goexit returned " + errString(err)
		}
		if _, err := worker.Join(); err != nil {
			bad = "Join of the other thread returned " + errString(err)
		}
		g, _ := m.Lock()
		if *g.Get() != 2 {
			bad = "an increment was lost"
		}
		g.Unlock()
	})
	if r.Failure != nil {
		t.Fatalf("%s failure:\n%s", r.Failure.Kind, r.Failure.Report)
	}
	if !r.Exhaustive || r.Schedules < 2 {
		t.Errorf("got %d schedules, exhaustive %v: want every order of the two threads", r.Schedules, r.Exhaustive)
	}
	if bad != "" {
		t.Error(bad)
	}
}

// The function under test leaving by runtime.Goexit (t.FailNow inside it)
// is a failure that says so, found and replayed like any other.
func TestGoexitInTheFunctionIsAFailure(t *testing.T) {
	f := func() {
		h := thread.Go(func() {})
		h.Join()
		runtime.Goexit()
	}
	failsAndReplays(t, f, model.KindPanic, "runtime.Goexit was called")
}

func errString(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}

// A thread that recovers every panic and goes on (a loop that recovers
// what its tasks throw) recovers the one that unwinds it when the run is
// over too: the explorer then ends it by runtime.Goexit, which nothing
// stops, instead of unwinding it again and again.
func TestRecoveringLoopIsUnwound(t *testing.T) {
	leak.Check(t)
	r := model.Explore(func() {
		tx, rx := mpsc.Channel[int]()
		thread.Go(func() {
			for {
				func() {
					defer func() { _ = recover() }()
					rx.Recv()
				}()
			}
		})
		tx.Send(1)
		thread.YieldNow()
		panic("the function fails while the loop waits")
	}, model.MaxSchedules(20))
	if r.Failure == nil || r.Failure.Kind != model.KindPanic {
		t.Fatalf("Explore = %+v, want the panic", r)
	}
}
