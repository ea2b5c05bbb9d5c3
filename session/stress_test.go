package session_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/session"
)

// Many sessions at once, each a squares conversation of its own length;
// every request and every answer is counted.
func TestStressManySessions(t *testing.T) {
	leak.Check(t)
	sessions, asks := 64, 200
	if testing.Short() {
		sessions, asks = 16, 50
	}
	var answered, checked atomic.Int64
	var wg sync.WaitGroup
	for i := range sessions {
		c, s := session.New[Squares, SquaresDual]()
		wg.Go(func() { answered.Add(int64(serveSquares(s))) })
		wg.Go(func() {
			loop := session.Enter(c)
			for n := range asks + i {
				sq, next := session.Take(session.Put(session.Left(loop), n+i))
				if sq != (n+i)*(n+i) {
					t.Errorf("session %d: square of %d came back as %d", i, n+i, sq)
				}
				checked.Add(1)
				loop = session.Zero(next)
			}
			session.Close(session.Right(loop))
		})
	}
	wg.Wait()
	want := int64(sessions*asks + sessions*(sessions-1)/2)
	if answered.Load() != want || checked.Load() != want {
		t.Fatalf("answered %d, checked %d, want %d each", answered.Load(), checked.Load(), want)
	}
}

// Bursts in both directions at once, through segment boundaries, with the
// reader and the writer of each inbox running in parallel.
func TestStressBursts(t *testing.T) {
	leak.Check(t)
	const rounds, burst = 50, 37 // 37: not a multiple of the segment size
	c, s := session.New[Burst, BurstDual]()
	done := spawn(func() any {
		loop := session.Enter(s)
		for want := 0; ; want++ {
			num, stop, isNum := session.Branch(loop)
			if !isNum {
				session.Close(stop)
				return want
			}
			v, next := session.Take(num)
			if v != want {
				return -v
			}
			loop = session.Zero(next)
		}
	})
	loop := session.Enter(c)
	for r := range rounds {
		for b := range burst {
			loop = session.Zero(session.Put(session.Left(loop), r*burst+b))
		}
	}
	session.Close(session.Right(loop))
	if r := <-done; r.panic != nil || r.value != rounds*burst {
		t.Fatalf("server ended with %+v, want %d numbers in order", r, rounds*burst)
	}
}
