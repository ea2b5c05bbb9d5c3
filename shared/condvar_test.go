package shared

import (
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
)

// The cases below carry Rust's library/std/tests/sync/condvar.rs over to Go.

func TestCondvarSmoke(t *testing.T) {
	c := NewCondvar[int]()
	c.NotifyOne()
	c.NotifyAll()
	if c.String() != "Condvar { .. }" {
		t.Fatalf("String = %q", c.String())
	}
}

func TestCondvarNotifyOne(t *testing.T) {
	leak.Check(t)
	m := NewMutex(struct{}{})
	c := NewCondvar[struct{}]()
	g, _ := m.Lock()
	h := thread.Go(func() {
		// Gets the lock only once Wait released it, so the notification
		// cannot come too early.
		g, _ := m.Lock()
		c.NotifyOne()
		g.Unlock()
	})
	if err := c.Wait(g); err != nil {
		t.Fatalf("Wait = %v", err)
	}
	g.Unlock()
	h.Join()
}

func TestCondvarNotifyAll(t *testing.T) {
	leak.Check(t)
	const n = 10
	m := NewMutex(0)
	c := NewCondvar[int]()
	arrived := make(chan struct{})
	left := make(chan struct{}, n)
	for range n {
		thread.Go(func() {
			g, _ := m.Lock()
			*g.Get()++
			if *g.Get() == n {
				close(arrived)
			}
			for *g.Get() != 0 {
				c.Wait(g)
			}
			g.Unlock()
			left <- struct{}{}
		})
	}
	<-arrived
	g, _ := m.Lock()
	*g.Get() = 0
	c.NotifyAll()
	g.Unlock()
	for range n {
		<-left
	}
}

func TestCondvarMutexArc(t *testing.T) {
	leak.Check(t)
	type packet struct {
		m *Mutex[bool]
		c *Condvar[bool]
	}
	p := NewArc(packet{NewMutex(false), NewCondvar[bool]()}, nil)
	p2 := p.Clone()
	parentLocked := make(chan struct{})
	h := thread.Go(func() {
		<-parentLocked
		g, _ := p2.Get().m.Lock()
		*g.Get() = true
		p2.Get().c.NotifyOne()
		g.Unlock()
	})
	g, _ := p.Get().m.Lock()
	close(parentLocked)
	if *g.Get() {
		t.Fatal("the child ran before the parent waited")
	}
	for !*g.Get() {
		p.Get().c.Wait(g)
	}
	g.Unlock()
	h.Join()
}

func TestCondvarWaitWhile(t *testing.T) {
	leak.Check(t)
	m := NewMutex(false)
	c := NewCondvar[bool]()
	h := thread.Go(func() {
		g, _ := m.Lock()
		*g.Get() = true
		c.NotifyOne()
		g.Unlock()
	})
	g, _ := m.Lock()
	if err := c.WaitWhile(g, func(started *bool) bool { return !*started }); err != nil {
		t.Fatal(err)
	}
	if !*g.Get() {
		t.Fatal("WaitWhile returned with the condition still holding")
	}
	g.Unlock()
	h.Join()
}

func TestCondvarWaitTimeoutTimesOut(t *testing.T) {
	m := NewMutex(0)
	c := NewCondvar[int]()
	g, _ := m.Lock()
	timedOut, err := c.WaitTimeout(g, time.Millisecond)
	if !timedOut || err != nil {
		t.Fatalf("WaitTimeout with nobody notifying = %v, %v", timedOut, err)
	}
	// The guard holds the lock again.
	if _, err := m.TryLock(); !errors.Is(err, ErrWouldBlock) {
		t.Fatalf("the lock is free after WaitTimeout: %v", err)
	}
	g.Unlock()
}

func TestCondvarWaitTimeoutWhileWait(t *testing.T) {
	m := NewMutex(0)
	c := NewCondvar[int]()
	g, _ := m.Lock()
	defer g.Unlock()
	timedOut, err := c.WaitTimeoutWhile(g, time.Millisecond, func(*int) bool { return true })
	if !timedOut || err != nil {
		t.Fatalf("WaitTimeoutWhile = %v, %v; want a time-out", timedOut, err)
	}
}

func TestCondvarWaitTimeoutWhileInstantSatisfy(t *testing.T) {
	m := NewMutex(0)
	c := NewCondvar[int]()
	g, _ := m.Lock()
	defer g.Unlock()
	timedOut, err := c.WaitTimeoutWhile(g, 0, func(*int) bool { return false })
	if timedOut || err != nil {
		t.Fatalf("WaitTimeoutWhile with the condition false = %v, %v", timedOut, err)
	}
}

func TestCondvarWaitTimeoutWhileWake(t *testing.T) {
	leak.Check(t)
	m := NewMutex(false)
	c := NewCondvar[bool]()
	g, _ := m.Lock()
	h := thread.Go(func() {
		g, _ := m.Lock()
		*g.Get() = true
		c.NotifyOne()
		g.Unlock()
	})
	timedOut, err := c.WaitTimeoutWhile(g, time.Hour, func(notified *bool) bool { return !*notified })
	if timedOut || err != nil || !*g.Get() {
		t.Fatalf("WaitTimeoutWhile = %v, %v, value %v", timedOut, err, *g.Get())
	}
	g.Unlock()
	h.Join()
}

func TestCondvarWaitTimeoutWake(t *testing.T) {
	leak.Check(t)
	m := NewMutex(false)
	c := NewCondvar[bool]()
	g, _ := m.Lock()
	h := thread.Go(func() {
		g, _ := m.Lock()
		*g.Get() = true
		c.NotifyOne()
		g.Unlock()
	})
	timedOut, err := c.WaitTimeout(g, time.Hour)
	if timedOut || err != nil || !*g.Get() {
		t.Fatalf("WaitTimeout = %v, %v, notified %v", timedOut, err, *g.Get())
	}
	g.Unlock()
	h.Join()
}

func TestCondvarWaitTimeoutUnderFakeTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := NewMutex(0)
		c := NewCondvar[int]()
		g, _ := m.Lock()
		start := time.Now()
		timedOut, err := c.WaitTimeout(g, 3*time.Second)
		if !timedOut || err != nil || time.Since(start) != 3*time.Second {
			t.Fatalf("WaitTimeout = %v, %v after %v", timedOut, err, time.Since(start))
		}
		if timedOut, _ := c.WaitTimeout(g, -time.Second); !timedOut {
			t.Fatal("a negative timeout did not time out")
		}
		g.Unlock()
	})
}

// A wake-up that leaves the condition true must only make WaitWhile wait
// again; it returns when, and only when, the condition is false.
func TestCondvarWaitWhileSurvivesSpuriousWakeups(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const spurious = 20
		m := NewMutex(0)
		c := NewCondvar[int]()
		checks := 0
		returned := -1
		go func() {
			g, _ := m.Lock()
			c.WaitWhile(g, func(v *int) bool { checks++; return *v < 10 })
			returned = *g.Get()
			g.Unlock()
		}()
		synctest.Wait()
		for i := range spurious {
			c.NotifyAll() // nothing changed
			synctest.Wait()
			if returned != -1 {
				t.Fatalf("WaitWhile returned after wake-up %d with the condition true", i)
			}
		}
		g, _ := m.Lock()
		*g.Get() = 10
		c.NotifyOne()
		g.Unlock()
		synctest.Wait()
		if returned != 10 || checks != spurious+2 {
			t.Fatalf("WaitWhile returned %d after %d checks; want 10 after %d", returned, checks, spurious+2)
		}
	})
}

func TestCondvarWaitOnReleasedGuard(t *testing.T) {
	m := NewMutex(0)
	c := NewCondvar[int]()
	g, _ := m.Lock()
	g.Unlock()
	if err := c.Wait(g); !errors.Is(err, ErrUnlocked) {
		t.Fatalf("Wait on an unlocked guard = %v", err)
	}
	if _, err := c.WaitTimeout(g, time.Hour); !errors.Is(err, ErrUnlocked) {
		t.Fatalf("WaitTimeout on an unlocked guard = %v", err)
	}
	if err := c.WaitWhile(nil, nil); !errors.Is(err, ErrUnlocked) {
		t.Fatalf("WaitWhile(nil) = %v", err)
	}
	if _, err := c.WaitTimeoutWhile(g, time.Hour, nil); !errors.Is(err, ErrUnlocked) {
		t.Fatalf("WaitTimeoutWhile on an unlocked guard = %v", err)
	}
}

func TestCondvarWaitReportsPoison(t *testing.T) {
	leak.Check(t)
	quietPanics(t)
	m := NewMutex(0)
	c := NewCondvar[int]()
	g, _ := m.Lock()
	h := thread.Go(func() {
		g, _ := m.Lock()
		defer g.Unlock()
		c.NotifyOne()
		panic("poison while the other waits")
	})
	if err := c.Wait(g); !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Wait = %v, want ErrPoisoned", err)
	}
	g.Unlock()
	h.Join()
}

// Every item a producer puts in is taken out exactly once, whatever the
// interleaving of notifications and waits.
func TestCondvarProducerConsumersLoseNothing(t *testing.T) {
	leak.Check(t)
	const items, consumers = 2000, 4
	type queue struct {
		items  []int
		closed bool
	}
	m := NewMutex(queue{})
	c := NewCondvar[queue]()
	var hs []*thread.JoinHandle[int]
	for range consumers {
		hs = append(hs, thread.Spawn(func() int {
			sum := 0
			g, _ := m.Lock()
			defer g.Unlock()
			for {
				c.WaitWhile(g, func(q *queue) bool { return len(q.items) == 0 && !q.closed })
				q := g.Get()
				if len(q.items) == 0 {
					return sum
				}
				sum += q.items[0]
				q.items = q.items[1:]
			}
		}))
	}
	for i := 1; i <= items; i++ {
		g, _ := m.Lock()
		g.Get().items = append(g.Get().items, i)
		g.Unlock()
		c.NotifyOne()
	}
	g, _ := m.Lock()
	g.Get().closed = true
	g.Unlock()
	c.NotifyAll()
	total := 0
	for _, h := range hs {
		s, _ := h.Join()
		total += s
	}
	if want := items * (items + 1) / 2; total != want {
		t.Fatalf("consumers took %d in all, want %d", total, want)
	}
}
