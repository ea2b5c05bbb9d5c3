package session_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/session"
)

func TestReuseAfterPutPanics(t *testing.T) {
	leak.Check(t)
	c, s := session.New[Squares, SquaresDual]()
	served := spawn(func() any { return serveSquares(s) })
	loop := session.Enter(c)
	ask := session.Left(loop)
	_, next := session.Take(session.Put(ask, 3))
	err := mustPanic(t, session.ErrReused, func() { session.Put(ask, 4) })
	if err.Op != "Put" || !strings.Contains(err.Error(), "returns the next one") {
		t.Errorf("unclear message: %v", err)
	}
	// The session is unharmed: the right endpoint goes on.
	session.Close(session.Right(session.Zero(next)))
	if r := <-served; r.value != 1 {
		t.Fatalf("server ended with %+v", r)
	}
}

func TestEveryOperationChecksLinearity(t *testing.T) {
	leak.Check(t)
	c, s := session.New[Squares, SquaresDual]()
	loop := session.Enter(c)
	mustPanic(t, session.ErrReused, func() { session.Enter(c) })
	ask := session.Left(loop)
	mustPanic(t, session.ErrReused, func() { session.Left(loop) })
	mustPanic(t, session.ErrReused, func() { session.Right(loop) })
	answer := session.Put(ask, 2)

	sloop := session.Enter(s)
	sask, _, _ := session.Branch(sloop)
	mustPanic(t, session.ErrReused, func() { session.Branch(sloop) })
	n, sanswer := session.Take(sask)
	mustPanic(t, session.ErrReused, func() { session.Take(sask) })
	sback := session.Put(sanswer, n*n)
	sloop = session.Zero(sback)
	mustPanic(t, session.ErrReused, func() { session.Zero(sback) })

	_, back := session.Take(answer)
	loop = session.Zero(back)
	end := session.Right(loop)
	_, stop, _ := session.Branch(sloop)
	done := spawn(func() any { session.Close(stop); return nil })
	session.Close(end)
	mustPanic(t, session.ErrReused, func() { session.Close(end) })
	<-done
}

func TestSuccChecksLinearity(t *testing.T) {
	leak.Check(t)
	c, s := session.New[Batches, BatchesDual]()
	inner := session.Enter(session.Left(session.Enter(c)))
	out := session.Right(inner)
	outer := session.Succ(out)
	mustPanic(t, session.ErrReused, func() { session.Succ(out) })
	end := session.Right(session.Zero(outer))
	_ = end
	c.Abort() // any endpoint of the side will do, even a used one
	s.Abort()
}

func TestBranchNotChosen(t *testing.T) {
	leak.Check(t)
	c, s := session.New[Squares, SquaresDual]()
	end := session.Right(session.Enter(c))
	ask, stop, isAsk := session.Branch(session.Enter(s))
	if isAsk {
		t.Fatal("Branch reported the branch not chosen")
	}
	err := mustPanic(t, session.ErrReused, func() { session.Take(ask) })
	if !strings.Contains(err.Error(), "did not choose") {
		t.Errorf("unclear message: %v", err)
	}
	if got := ask.String(); got != "session.Chan(side 1, branch not chosen)" {
		t.Errorf("String() = %q", got)
	}
	done := spawn(func() any { session.Close(stop); return nil })
	session.Close(end)
	<-done
}

func TestZeroChanPanics(t *testing.T) {
	var c session.Chan[session.Top, OneShot]
	defer func() {
		msg, _ := recover().(string)
		if !strings.Contains(msg, "session: Put on the zero Chan") {
			t.Fatalf("panic %q", msg)
		}
	}()
	session.Put(c, 1)
}

// Two goroutines racing to use the same endpoint: exactly one wins, the
// other panics, and the race detector finds nothing to report.
func TestConcurrentReuse(t *testing.T) {
	leak.Check(t)
	for range 50 {
		c, s := session.New[OneShot]()
		var wg sync.WaitGroup
		panics := make(chan any, 2)
		for range 2 {
			wg.Go(func() {
				defer func() { panics <- recover() }()
				session.Put(c, 1)
			})
		}
		wg.Wait()
		close(panics)
		var got []any
		for p := range panics {
			if p != nil {
				got = append(got, p)
			}
		}
		if len(got) != 1 {
			t.Fatalf("%d of 2 racing Puts panicked, want 1", len(got))
		}
		checkPanic(t, got[0], session.ErrReused)
		s.Abort()
		c.Abort()
	}
}
