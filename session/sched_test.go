package session_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/session"
)

// recorder is a scheduler that only records the switch points it is shown.
type recorder struct {
	mu     sync.Mutex
	points []sched.Op
}

func (r *recorder) Point(op sched.Op, _ any) {
	r.mu.Lock()
	r.points = append(r.points, op)
	r.mu.Unlock()
}
func (r *recorder) Go(f func())                                              { go f() }
func (r *recorder) Park(*sched.Parker, context.Context, time.Duration) error { return nil }
func (r *recorder) Unpark(*sched.Parker)                                     {}

// Every operation is a switch point for a deterministic scheduler.
func TestOperationsAreSwitchPoints(t *testing.T) {
	r := &recorder{}
	if prev := sched.Install(r); prev != nil {
		sched.Install(prev)
		t.Skip("another scheduler is installed")
	}
	c, s := session.New[Squares, SquaresDual]()
	ask := session.Left(session.Enter(c))
	answer := session.Put(ask, 3)
	sask, _, _ := session.Branch(session.Enter(s))
	n, sanswer := session.Take(sask)
	sloop := session.Zero(session.Put(sanswer, n*n))
	_, next := session.Take(answer)
	session.Right(session.Zero(next))
	sched.Install(nil)
	c.Abort()
	sloop.Abort()

	want := []sched.Op{
		"session.Enter", "session.Left", "session.Put",
		"session.Enter", "session.Branch", "session.Take", "session.Put", "session.Zero",
		"session.Take", "session.Zero", "session.Right",
	}
	if !slices.Equal(r.points, want) {
		t.Fatalf("switch points\n%v\nwant\n%v", r.points, want)
	}
}
