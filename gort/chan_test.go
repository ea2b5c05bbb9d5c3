package gort_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/model"
)

// program is a small concurrent program written as fearless test rewrites
// Go code: two senders on a buffered channel, a select between it and a
// second channel, and a close. It returns what the receiver saw.
func program() string {
	a := gort.Made(make(chan int, 1))
	b := gort.Made(make(chan int))
	done := gort.Made(make(chan struct{}))
	gort.Go(func() { gort.Out(a).Send(1); gort.Out(a).Send(2); gort.Close(a) })
	gort.Go(func() { gort.Out(b).Send(3); gort.Close(done) })
	var got []int
	gotB := false
	for a != nil || !gotB { // until both senders are done: none outlives the program
		ra, rb := gort.In(a), gort.In(b)
		s := gort.Select(false, ra.Case(), rb.Case())
		switch s.Index {
		case 0:
			v, ok := gort.Value(ra, s)
			if !ok {
				a = nil // closed: a nil channel is never ready
				continue
			}
			got = append(got, v)
		case 1:
			got = append(got, gort.Got(rb, s))
			gotB, b = true, nil
		}
	}
	gort.In(done).Recv()
	return fmt.Sprint(got)
}

// TestChannelsAgainstGo checks the model of channels and select against Go's
// own: every outcome that the program has natively is one the explorer
// finds, and the explorer finds nothing Go's rules forbid.
func TestChannelsAgainstGo(t *testing.T) {
	native := map[string]bool{}
	for range 500 {
		native[program()] = true
	}
	explored := map[string]bool{}
	r := model.Explore(func() { explored[program()] = true }, model.MaxSchedules(5000))
	if r.Failure != nil {
		t.Fatalf("the program fails under the explorer:\n%s", r.Failure.Report)
	}
	for o := range native {
		if !explored[o] {
			t.Errorf("Go gives %s, the explorer never does (explored: %v)", o, keys(explored))
		}
	}
	allowed := map[string]bool{"[1 2 3]": true, "[1 3 2]": true, "[3 1 2]": true}
	for o := range explored {
		if !allowed[o] {
			t.Errorf("the explorer gives %s, which Go's rules forbid", o)
		}
	}
	if !r.Exhaustive || len(explored) != 3 {
		t.Errorf("exhaustive %v, outcomes %v: want all three orders, exhaustively", r.Exhaustive, keys(explored))
	}
}

func keys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestDeadlockOnUnbufferedSend is the smallest leak: a send nobody
// receives, reported with the line of the send.
func TestDeadlockOnUnbufferedSend(t *testing.T) {
	r := model.Explore(func() {
		c := gort.Made(make(chan int))
		gort.Go(func() { gort.Out(c).Send(1) })
	})
	if r.Failure == nil || r.Failure.Kind != model.KindLeak {
		t.Fatalf("got %+v, want a leak", r.Failure)
	}
	again := model.Replay(r.Failure.Schedule, func() {
		c := gort.Made(make(chan int))
		gort.Go(func() { gort.Out(c).Send(1) })
	})
	if again.Failure == nil || again.Failure.Kind != model.KindLeak {
		t.Fatalf("the replay gave %+v, want the leak", again.Failure)
	}
}
