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

// The atomics and locks keep fast-path words (fastpath.go): every
// operation must reach the scheduler while one is installed, and none once
// it is gone.
func TestFastPathsFollowTheScheduler(t *testing.T) {
	s := &passThrough{points: map[sched.Op]int{}, tokens: map[*sched.Parker]chan struct{}{}}
	ops := func() {
		var i AtomicInt64
		var u AtomicUint64
		var b AtomicBool
		var p AtomicPointer[int]
		i.Store(1, SeqCst)
		u.Store(1, SeqCst)
		b.Store(true, SeqCst)
		p.Store(new(int), SeqCst)
		i.Load(Acquire)
		u.Load(Acquire)
		b.Load(Acquire)
		p.Load(Acquire)
		i.Add(1, Relaxed)
		u.Add(1, Relaxed)
		i.Swap(1, AcqRel)
		u.Swap(1, AcqRel)
		b.Swap(true, AcqRel)
		p.Swap(nil, AcqRel)
		i.CompareExchange(1, 2, SeqCst, Relaxed)
		u.CompareExchange(1, 2, SeqCst, Relaxed)
		b.CompareExchange(true, false, SeqCst, Relaxed)
		p.CompareExchange(nil, nil, SeqCst, Relaxed)
		g, _ := NewMutex(0).Lock()
		g.Unlock()
	}
	sched.Install(s)
	ops()
	sched.Install(nil)
	want := map[sched.Op]int{opAtomicStore: 4, opAtomicLoad: 4, opAtomicRMW: 10, opLock: 1, opUnlock: 1}
	for op, n := range want {
		if s.points[op] != n {
			t.Errorf("%d switch points for %s under a scheduler, want %d (saw %v)", s.points[op], op, n, s.points)
		}
	}
	clear(s.points)
	ops()
	if len(s.points) != 0 {
		t.Errorf("switch points after the scheduler was removed: %v", s.points)
	}
	if slowPath() {
		t.Error("locks stay on the slow path after the scheduler was removed")
	}
	stop := DetectDeadlocks(func(*DeadlockReport) {})
	if !slowPath() {
		t.Error("locks take the fast path while deadlock detection is on")
	}
	stop()
	if slowPath() {
		t.Error("locks stay on the slow path after deadlock detection stopped")
	}
}
