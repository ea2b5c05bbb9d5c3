package shared

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// Inside a synctest bubble, synctest.Wait returns only once every other
// goroutine of the bubble is durably blocked. These tests would hang if a
// goroutine blocked on one of our primitives were not durably blocked, as
// one blocked on sync.Mutex is not.

func TestSynctestMutexWaitIsDurable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := NewMutex(0)
		g, _ := m.Lock()
		got := false
		go func() {
			g, _ := m.Lock()
			got = true
			g.Unlock()
		}()
		synctest.Wait()
		if got {
			t.Fatal("took a held lock")
		}
		g.Unlock()
		synctest.Wait()
		if !got {
			t.Fatal("the waiter did not get the lock")
		}
	})
}

func TestSynctestRwLockWaitsAreDurable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewRwLock(0)
		r, _ := l.Read()
		steps := 0
		go func() { // a writer waiting for the reader
			g, _ := l.Write()
			steps++
			g.Unlock()
		}()
		synctest.Wait()
		go func() { // a reader waiting for the writer
			g, _ := l.Read()
			steps++
			g.Unlock()
		}()
		synctest.Wait()
		if steps != 0 {
			t.Fatal("a waiter went through")
		}
		r.Unlock()
		synctest.Wait()
		if steps != 2 {
			t.Fatalf("%d of 2 waiters finished", steps)
		}
	})
}

func TestSynctestCondvarAndBarrierWaitsAreDurable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := NewMutex(0)
		c := NewCondvar[int]()
		b := NewBarrier(3)
		var passed AtomicInt64
		go func() {
			g, _ := m.Lock()
			c.WaitWhile(g, func(v *int) bool { return *v == 0 })
			g.Unlock()
			b.Wait()
			passed.Add(1, SeqCst)
		}()
		go func() {
			b.Wait()
			passed.Add(1, SeqCst)
		}()
		synctest.Wait()
		g, _ := m.Lock()
		*g.Get() = 1
		g.Unlock()
		c.NotifyAll()
		synctest.Wait() // both wait at the barrier now
		if passed.Load(SeqCst) != 0 {
			t.Fatal("passed the barrier early")
		}
		b.Wait()
		synctest.Wait()
		if n := passed.Load(SeqCst); n != 2 {
			t.Fatalf("%d of 2 passed", n)
		}
	})
}

// A test that deadlocks on our Mutex inside a bubble is reported by
// synctest. The deadlocked bubble runs in a child process, since its
// goroutines can never end.
func TestSynctestReportsMutexDeadlock(t *testing.T) {
	if os.Getenv("FEARLESS_SYNCTEST_CHILD") == "1" {
		synctest.Test(t, func(t *testing.T) {
			m := NewMutex(0)
			m.Lock()
			m.Lock() // blocks forever: every goroutine of the bubble is blocked
		})
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestSynctestReportsMutexDeadlock$", "-test.count=1")
	cmd.Env = append(os.Environ(), "FEARLESS_SYNCTEST_CHILD=1")
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the deadlocked bubble hung instead of being reported:\n%s", out)
	}
	if err == nil || !strings.Contains(string(out), "deadlock: all goroutines in bubble are blocked") {
		t.Fatalf("child: %v\n%s", err, out)
	}
}
