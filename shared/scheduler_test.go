package shared

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/thread"
)

// passThrough is a scheduler that lets goroutines run freely but takes
// over every park and wake-up and counts the switch points: a stand-in for
// the schedule explorer, to check that the primitives block only through
// the seam and mark their operations.
type passThrough struct {
	mu     sync.Mutex
	points map[sched.Op]int
	tokens map[*sched.Parker]chan struct{}
}

func (s *passThrough) Point(op sched.Op, _ any) {
	s.mu.Lock()
	s.points[op]++
	s.mu.Unlock()
}

func (s *passThrough) Go(f func()) { go f() }

func (s *passThrough) token(p *sched.Parker) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.tokens[p]
	if c == nil {
		c = make(chan struct{}, 1)
		s.tokens[p] = c
	}
	return c
}

func (s *passThrough) Park(p *sched.Parker, ctx context.Context, timeout time.Duration) error {
	var expired <-chan time.Time
	if timeout > 0 {
		expired = time.After(timeout)
	}
	select {
	case <-s.token(p):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-expired:
		return context.DeadlineExceeded
	}
}

func (s *passThrough) Unpark(p *sched.Parker) {
	select {
	case s.token(p) <- struct{}{}:
	default:
	}
}

func TestUnderAScheduler(t *testing.T) {
	leak.Check(t)
	s := &passThrough{points: map[sched.Op]int{}, tokens: map[*sched.Parker]chan struct{}{}}
	sched.Install(s)
	defer sched.Install(nil)

	const threads, rounds = 4, 200
	m := NewMutex(0)
	l := NewRwLock(0)
	c := NewCondvar[int]()
	b := NewBarrier(threads)
	var hs []*thread.JoinHandle[struct{}]
	for i := range threads {
		hs = append(hs, thread.Go(func() {
			for r := range rounds {
				g, _ := m.Lock()
				*g.Get()++
				if *g.Get() == threads*rounds {
					c.NotifyAll()
				}
				g.Unlock()
				if (i+r)%4 == 0 {
					w, _ := l.Write()
					*w.Get()++
					w.Unlock()
				} else {
					rg, _ := l.Read()
					rg.Unlock()
				}
			}
			b.Wait()
		}))
	}
	g, _ := m.Lock()
	c.WaitWhile(g, func(v *int) bool { return *v < threads*rounds })
	g.Unlock()
	for _, h := range hs {
		h.Join()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, op := range []sched.Op{opLock, opUnlock, opRead, opWrite, opRUnlock, opWUnlock, opBarrier, opWait} {
		if s.points[op] == 0 {
			t.Errorf("no switch point for %s (saw %v)", op, s.points)
		}
	}
	if s.points[opLock] < threads*rounds {
		t.Errorf("%d Lock points for %d Locks", s.points[opLock], threads*rounds)
	}
}
