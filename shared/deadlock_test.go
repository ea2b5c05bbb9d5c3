package shared

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
)

// detect turns detection on for the test and returns what it reported.
func detect(t *testing.T) func() []*DeadlockReport {
	t.Helper()
	var mu sync.Mutex
	var reports []*DeadlockReport
	stop := DetectDeadlocks(func(r *DeadlockReport) {
		mu.Lock()
		reports = append(reports, r)
		mu.Unlock()
	})
	t.Cleanup(stop)
	return func() []*DeadlockReport {
		mu.Lock()
		defer mu.Unlock()
		return append([]*DeadlockReport(nil), reports...)
	}
}

// lockBoth takes a then b in a new thread, releases both and joins.
func lockBoth(a, b *Mutex[int]) {
	thread.Go(func() {
		ga, _ := a.Lock()
		gb, _ := b.Lock()
		gb.Unlock()
		ga.Unlock()
	}).Join()
}

func hasFrame(frames []runtime.Frame, fn string) bool {
	for _, f := range frames {
		if strings.Contains(f.Function, fn) {
			return true
		}
	}
	return false
}

// The seeds' deadlock example, on a run where the two threads happen to
// take their locks one after the other: nobody blocks, and the opposite
// orders are reported all the same.
func TestDeadlockTwoLocksOppositeOrders(t *testing.T) {
	leak.Check(t)
	reports := detect(t)
	a, b := NewMutex(0), NewMutex(0)
	lockBoth(a, b)
	if len(reports()) != 0 {
		t.Fatalf("reported a consistent order: %v", reports())
	}
	lockBoth(b, a)
	rs := reports()
	if len(rs) != 1 {
		t.Fatalf("%d reports, want 1", len(rs))
	}
	c := rs[0].Cycle
	if len(c) != 2 || !c[0].Held.Is(a) || !c[0].Taken.Is(b) || !c[1].Held.Is(b) || !c[1].Taken.Is(a) {
		t.Fatalf("cycle = %+v, want a->b, b->a", c)
	}
	if c[0].Goroutine == c[1].Goroutine || c[0].Goroutine == 0 {
		t.Fatalf("goroutines %d and %d", c[0].Goroutine, c[1].Goroutine)
	}
	for _, e := range c {
		if !hasFrame(e.Stack, "lockBoth") {
			t.Fatalf("stacks do not show where the locks were taken:\n%s", rs[0])
		}
		if hasFrame(e.Stack[:1], "shared.(*Mutex") {
			t.Fatalf("the stack starts inside the package:\n%s", rs[0])
		}
	}
	s := rs[0].String()
	for _, want := range []string{"potential deadlock: 2 locks taken in a cycle", "while holding Mutex[int] made at deadlock_test.go:", "lockBoth"} {
		if !strings.Contains(s, want) {
			t.Fatalf("report lacks %q:\n%s", want, s)
		}
	}
	// The same orders again are old news.
	lockBoth(a, b)
	lockBoth(b, a)
	if len(reports()) != 1 {
		t.Fatalf("the same cycle was reported again: %d reports", len(reports()))
	}
}

// A cycle through n locks, taken pairwise by n threads one after the
// other, is reported once, when its last edge appears, with all n edges.
func TestDeadlockLongCycles(t *testing.T) {
	for _, n := range []int{3, 5} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			leak.Check(t)
			reports := detect(t)
			locks := make([]*Mutex[int], n)
			for i := range locks {
				locks[i] = NewMutex(i)
			}
			for i := range n {
				lockBoth(locks[i], locks[(i+1)%n])
				if got, want := len(reports()), 0; i < n-1 && got != want {
					t.Fatalf("reported after %d of %d edges", i+1, n)
				}
			}
			rs := reports()
			if len(rs) != 1 || len(rs[0].Cycle) != n {
				t.Fatalf("reports %v, want one cycle of %d", rs, n)
			}
			for i, e := range rs[0].Cycle {
				if !e.Held.Is(locks[i]) || !e.Taken.Is(locks[(i+1)%n]) {
					t.Fatalf("edge %d = %v -> %v", i, e.Held, e.Taken)
				}
			}
		})
	}
}

// Many threads taking random sets of locks, always in one global order:
// no report.
func TestDeadlockNoFalsePositives(t *testing.T) {
	leak.Check(t)
	reports := detect(t)
	const nlocks, threads, rounds = 8, 4, 300
	locks := make([]*Mutex[int], nlocks)
	for i := range locks {
		locks[i] = NewMutex(0)
	}
	rw := NewRwLock(0)
	var hs []*thread.JoinHandle[struct{}]
	for i := range threads {
		hs = append(hs, thread.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), 1))
			for range rounds {
				var gs []*MutexGuard[int]
				for _, l := range locks {
					if rng.IntN(2) == 0 {
						g, _ := l.Lock()
						gs = append(gs, g)
					}
				}
				if rng.IntN(2) == 0 {
					r, _ := rw.Read()
					r.Unlock()
				} else {
					w, _ := rw.Write()
					w.Unlock()
				}
				for _, g := range gs {
					g.Unlock() // any release order is fine
				}
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	if rs := reports(); len(rs) != 0 {
		t.Fatalf("false positive:\n%s", rs[0])
	}
}

func TestDeadlockSameLockTwice(t *testing.T) {
	leak.Check(t)
	reports := detect(t)
	m := NewMutex(0)
	first, _ := m.Lock()
	second := make(chan *MutexGuard[int])
	h := thread.Go(func() {
		// This would block forever: it is reported before it blocks...
		g, _ := m.Lock()
		second <- g
	})
	// ...and here the test does what the goroutine cannot: unlock
	// from another goroutine. (Above, the thread took m while the test
	// holds it, which is no double lock: only the goroutine's own locks
	// count.)
	first.Unlock()
	g := <-second
	g.Unlock()
	h.Join()
	if len(reports()) != 0 {
		t.Fatalf("two goroutines taking one lock was reported: %s", reports()[0])
	}

	done := make(chan struct{})
	var again *MutexGuard[int]
	h = thread.Go(func() {
		g, _ := m.Lock()
		first = g
		close(done)
		again, _ = m.Lock() // reported, then waits for the test to unlock first
	})
	<-done
	for len(reports()) == 0 {
		runtime.Gosched()
	}
	first.Unlock()
	h.Join()
	again.Unlock()
	rs := reports()
	if len(rs) != 1 || len(rs[0].Cycle) != 1 || !rs[0].Cycle[0].Held.Is(m) || !rs[0].Cycle[0].Taken.Is(m) {
		t.Fatalf("reports = %v", rs)
	}
	if s := rs[0].String(); !strings.Contains(s, "which it already holds") {
		t.Fatalf("report = %s", s)
	}
}

func TestDeadlockRecursiveRead(t *testing.T) {
	reports := detect(t)
	l := NewRwLock(0)
	r1, _ := l.Read()
	r2, err := l.Read() // does not block: no writer waits
	if err != nil {
		t.Fatal(err)
	}
	r2.Unlock()
	r1.Unlock()
	if rs := reports(); len(rs) != 1 || !rs[0].Cycle[0].Taken.Is(l) || rs[0].Cycle[0].Taken.Kind != "RwLock[int]" {
		t.Fatalf("reports = %v", rs)
	}
}

// A real deadlock: each thread holds one lock and waits for the other's.
// The cycle is reported by the second thread before it blocks.
func TestDeadlockReportedBeforeBlocking(t *testing.T) {
	leak.Check(t)
	reports := detect(t)
	a, b := NewMutex(0), NewMutex(0)
	aHeld, bHeld := make(chan *MutexGuard[int], 2), make(chan struct{})
	t1 := thread.Go(func() {
		ga, _ := a.Lock()
		aHeld <- ga
		aHeld <- ga
		<-bHeld
		gb, _ := b.Lock()
		gb.Unlock()
		ga.Unlock() // the test already released a; this does nothing
	})
	t2 := thread.Go(func() {
		<-aHeld // t1 holds a
		gb, _ := b.Lock()
		close(bHeld)
		ga, _ := a.Lock()
		ga.Unlock()
		gb.Unlock()
	})
	ga := <-aHeld
	for len(reports()) == 0 {
		runtime.Gosched()
	}
	ga.Unlock() // break the deadlock that was reported
	t1.Join()
	t2.Join()
	if rs := reports(); len(rs) != 1 || len(rs[0].Cycle) != 2 {
		t.Fatalf("reports = %v", rs)
	}
}

func TestDeadlockTryLockAddsNoEdge(t *testing.T) {
	reports := detect(t)
	a, b := NewMutex(0), NewMutex(0)
	ga, _ := a.Lock()
	gb, err := b.TryLock() // cannot wait: no a -> b edge
	if err != nil {
		t.Fatal(err)
	}
	gb.Unlock()
	ga.Unlock()
	lockBoth(b, a)
	if rs := reports(); len(rs) != 0 {
		t.Fatalf("a try lock made a cycle:\n%s", rs[0])
	}
	// A lock held through TryLock still orders the locks taken under it.
	gb, _ = b.TryLock()
	gc, _ := a.Lock()
	gc.Unlock()
	gb.Unlock()
	lockBoth(a, b)
	if rs := reports(); len(rs) != 1 {
		t.Fatalf("%d reports, want 1", len(rs))
	}
}

func TestDeadlockMixedKindsAndGuardsUnlockedElsewhere(t *testing.T) {
	leak.Check(t)
	reports := detect(t)
	m, l := NewMutex(0), NewRwLock(0)
	// m then l for reading, with the guards unlocked by another thread.
	gm, _ := m.Lock()
	gl, _ := l.Read()
	thread.Go(func() {
		gl.Unlock()
		gm.Unlock()
	}).Join()
	// The test goroutine holds nothing any more: taking l then m is the
	// first edge l -> m, which closes the cycle.
	gw, _ := l.Write()
	gm, _ = m.Lock()
	gm.Unlock()
	gw.Unlock()
	rs := reports()
	if len(rs) != 1 || !rs[0].Cycle[0].Held.Is(m) || !rs[0].Cycle[1].Held.Is(l) {
		t.Fatalf("reports = %v", rs)
	}
}

func TestDeadlockCondvarWaitKeepsHeldLocksRight(t *testing.T) {
	leak.Check(t)
	reports := detect(t)
	m, other := NewMutex(0), NewMutex(0)
	c := NewCondvar[int]()
	h := thread.Go(func() {
		g, _ := m.Lock()
		*g.Get() = 1
		c.NotifyOne()
		g.Unlock()
	})
	g, _ := m.Lock()
	c.WaitWhile(g, func(v *int) bool { return *v == 0 })
	g.Unlock()
	h.Join()
	// m is released: other then m is no cycle.
	lockBoth(other, m)
	if rs := reports(); len(rs) != 0 {
		t.Fatalf("reports = %v", rs)
	}
}

func TestDeadlockStopForgetsAndRestarts(t *testing.T) {
	a, b := NewMutex(0), NewMutex(0)
	reports := detect(t)
	lockBoth(a, b)
	var second []*DeadlockReport
	stop2 := DetectDeadlocks(func(r *DeadlockReport) { second = append(second, r) })
	lockBoth(b, a)
	if len(reports()) != 1 || len(second) != 1 {
		t.Fatalf("both report functions must see the cycle: %d, %d", len(reports()), len(second))
	}
	stop2()
	stop2() // idempotent
	// Still on for the first.
	if !detecting.Load() {
		t.Fatal("detection turned off with a report function left")
	}
}

func TestDeadlockOffAfterStop(t *testing.T) {
	a, b := NewMutex(0), NewMutex(0)
	var got []*DeadlockReport
	stop := DetectDeadlocks(func(r *DeadlockReport) { got = append(got, r) })
	lockBoth(a, b)
	stop()
	lockBoth(b, a)
	if len(got) != 0 || detecting.Load() {
		t.Fatal("detection outlived stop")
	}
	// A new session starts from an empty graph: b -> a alone is no cycle.
	stop = DetectDeadlocks(func(r *DeadlockReport) { got = append(got, r) })
	defer stop()
	lockBoth(b, a)
	if len(got) != 0 {
		t.Fatalf("the old graph survived stop: %s", got[0])
	}
}

func TestDeadlockForgetsCollectedLocks(t *testing.T) {
	detect(t)
	func() {
		a, b := NewMutex(0), NewMutex(0)
		lockBoth(a, b)
	}()
	for range 100 {
		runtime.GC()
		graph.mu.Lock()
		n := len(graph.linked)
		graph.mu.Unlock()
		if n == 0 {
			return
		}
		runtime.Gosched()
	}
	t.Fatal("the edges of collected locks stayed in the graph")
}

// FEARLESS_DEADLOCK=1 turns detection on at start and prints reports.
func TestDeadlockEnvironmentVariable(t *testing.T) {
	if os.Getenv("FEARLESS_DEADLOCK_CHILD") == "1" {
		if !detecting.Load() {
			fmt.Println("detection is off")
			os.Exit(3)
		}
		a, b := NewMutex(0), NewMutex(0)
		lockBoth(a, b)
		lockBoth(b, a)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestDeadlockEnvironmentVariable$", "-test.count=1")
	cmd.Env = append(os.Environ(), "FEARLESS_DEADLOCK=1", "FEARLESS_DEADLOCK_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "fearless: potential deadlock: 2 locks taken in a cycle") ||
		!strings.Contains(string(out), "lockBoth") {
		t.Fatalf("child printed:\n%s", out)
	}
}
