package session_test

import (
	"fmt"
	"runtime/debug"
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
	// The misuse aborted this side: the server, waiting for the next
	// choice, panics with ErrPeerGone at once, with no collection needed,
	// and this side cannot go on either.
	r := <-served
	checkPanic(t, r.panic, session.ErrPeerGone)
	if msg := fmt.Sprint(r.panic); !strings.Contains(msg, "the peer misused an endpoint") {
		t.Errorf("the peer's panic does not say why: %v", msg)
	}
	mustPanic(t, session.ErrReused, func() { session.Right(session.Zero(next)) })
}

// A reuse caught in one goroutine ends the session for the peer in
// another, with no garbage collection: before the fix, the peer waited
// in Take until a collection found the endpoints dropped, and a program
// with nothing else to run died of Go's "all goroutines are asleep".
func TestReuseAbortsTheSession(t *testing.T) {
	leak.Check(t)
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // no collection may help
	c, s := session.New[OneShot]()
	taken := spawn(func() any { n, end := session.Take(s); session.Close(end); return n })
	end := session.Put(c, 1)
	mustPanic(t, session.ErrReused, func() { session.Put(c, 2) })
	mustPanic(t, session.ErrReused, func() { session.Close(end) })
	if r := <-taken; r.panic != nil || r.value != 1 {
		// The first Put arrived; Close then finds the peer gone.
		checkPanic(t, r.panic, session.ErrPeerGone)
	}

	c2, s2 := session.New[session.Send[int, OneShot, OneShotDual]]()
	waiting := spawn(func() any {
		_, next := session.Take(s2)
		n, end := session.Take(next) // the second message never comes
		session.Close(end)
		return n
	})
	next := session.Put(c2, 1)
	mustPanic(t, session.ErrReused, func() { session.Put(c2, 2) })
	_ = next
	checkPanic(t, (<-waiting).panic, session.ErrPeerGone)
}

// Each operation checks linearity. A reuse aborts its side, so each check
// has a session of its own; the peer is aborted at the end, not dropped.
func TestEveryOperationChecksLinearity(t *testing.T) {
	leak.Check(t)
	type (
		client = session.Chan[session.Top, Squares]
		server = session.Chan[session.Top, SquaresDual]
	)
	for _, c := range []struct {
		name string
		f    func(c client, s server)
	}{
		{"Enter", func(c client, _ server) {
			session.Enter(c)
			mustPanic(t, session.ErrReused, func() { session.Enter(c) })
		}},
		{"Left", func(c client, _ server) {
			loop := session.Enter(c)
			session.Left(loop)
			mustPanic(t, session.ErrReused, func() { session.Left(loop) })
		}},
		{"Right", func(c client, _ server) {
			loop := session.Enter(c)
			session.Left(loop)
			mustPanic(t, session.ErrReused, func() { session.Right(loop) })
		}},
		{"Put", func(c client, _ server) {
			ask := session.Left(session.Enter(c))
			session.Put(ask, 2)
			mustPanic(t, session.ErrReused, func() { session.Put(ask, 3) })
		}},
		{"Branch", func(c client, s server) {
			session.Left(session.Enter(c))
			sloop := session.Enter(s)
			session.Branch(sloop)
			mustPanic(t, session.ErrReused, func() { session.Branch(sloop) })
		}},
		{"Take", func(c client, s server) {
			session.Put(session.Left(session.Enter(c)), 2)
			sask, _, _ := session.Branch(session.Enter(s))
			session.Take(sask)
			mustPanic(t, session.ErrReused, func() { session.Take(sask) })
		}},
		{"Zero", func(c client, s server) {
			session.Put(session.Left(session.Enter(c)), 2)
			sask, _, _ := session.Branch(session.Enter(s))
			n, sanswer := session.Take(sask)
			sback := session.Put(sanswer, n*n)
			session.Zero(sback)
			mustPanic(t, session.ErrReused, func() { session.Zero(sback) })
		}},
		{"Close", func(c client, s server) {
			end := session.Right(session.Enter(c))
			_, stop, _ := session.Branch(session.Enter(s))
			done := spawn(func() any { session.Close(stop); return nil })
			session.Close(end)
			<-done
			mustPanic(t, session.ErrReused, func() { session.Close(end) })
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cl, sv := session.New[Squares, SquaresDual]()
			// Both sides are aborted, so that neither is left for the
			// garbage collector to report as dropped during a later test.
			defer cl.Abort()
			defer sv.Abort()
			c.f(cl, sv)
		})
	}
}

func TestSuccChecksLinearity(t *testing.T) {
	leak.Check(t)
	c, s := session.New[Batches, BatchesDual]()
	inner := session.Enter(session.Left(session.Enter(c)))
	out := session.Right(inner)
	outer := session.Succ(out)
	mustPanic(t, session.ErrReused, func() { session.Succ(out) })
	// The reuse aborted the side: it cannot go on.
	mustPanic(t, session.ErrReused, func() { session.Right(session.Zero(outer)) })
	c.Abort() // idempotent, on any endpoint of the side, even a used one
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
	// Using the branch not chosen aborted the server's side: the client's
	// Close finds it gone, and the chosen branch cannot go on.
	mustPanic(t, session.ErrPeerGone, func() { session.Close(end) })
	mustPanic(t, session.ErrReused, func() { session.Close(stop) })
}

// Misuse panics at once with a message naming the package, the operation
// and the fix; the zero values that are documented as usable are.
func TestZeroValuesAndMisuse(t *testing.T) {
	var (
		c    session.Chan[session.Top, OneShot]
		r    session.Chan[session.Top, OneShotDual]
		end  session.Chan[session.Top, session.End]
		loop session.Chan[session.Top, Squares]
	)
	for _, tc := range []struct {
		name string
		f    func()
		want string // "" when the call is fine
	}{
		{"Put on the zero Chan", func() { session.Put(c, 1) }, "session: Put on the zero Chan; endpoints come from New"},
		{"Take on the zero Chan", func() { session.Take(r) }, "session: Take on the zero Chan; endpoints come from New"},
		{"Close on the zero Chan", func() { session.Close(end) }, "session: Close on the zero Chan; endpoints come from New"},
		{"Enter on the zero Chan", func() { session.Enter(loop) }, "session: Enter on the zero Chan; endpoints come from New"},
		{"Abort on the zero Chan", func() { c.Abort() }, ""},
		{"String of the zero Chan", func() {
			if got := c.String(); got != "session.Chan(zero)" {
				panic(got)
			}
		}, ""},
		{"zero Error", func() { _ = (&session.Error{}).Error() }, ""},
		{"zero DropError", func() { _ = (&session.DropError{}).Error() }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := func() (msg string) {
				defer func() {
					if r := recover(); r != nil {
						msg = fmt.Sprint(r)
					}
				}()
				tc.f()
				return ""
			}()
			if tc.want == "" {
				if got != "" {
					t.Fatalf("panicked with %q; want no panic", got)
				}
				return
			}
			if !strings.HasPrefix(got, tc.want) {
				t.Fatalf("panicked with %q; want %q", got, tc.want)
			}
		})
	}
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
