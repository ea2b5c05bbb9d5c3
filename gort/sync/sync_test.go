package sync_test

import (
	"maps"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/gort"
	gsync "github.com/fearlessgo/fearless/gort/sync"
	"github.com/fearlessgo/fearless/model"
)

func explore(t *testing.T, f func()) model.Result {
	t.Helper()
	return model.Explore(f, model.MaxSchedules(5000))
}

// A reader that takes RLock twice while a writer waits deadlocks, in Go as
// under the explorer: the waiting writer keeps new readers out.
func TestRecursiveReadLockDeadlocks(t *testing.T) {
	r := explore(t, func() {
		var mu gsync.RWMutex
		var wg gsync.WaitGroup
		wg.Add(2)
		gort.Go(func() {
			defer wg.Done()
			mu.RLock()
			gort.Gosched()
			mu.RLock()
			mu.RUnlock() //lint:ignore SA2001 the second read lock is the test
			mu.RUnlock()
		})
		gort.Go(func() {
			defer wg.Done()
			mu.Lock()
			mu.Unlock() //lint:ignore SA2001 the writer only has to wait
		})
		wg.Wait()
	})
	if r.Failure == nil || r.Failure.Kind != model.KindDeadlock {
		t.Fatalf("got %+v, want the deadlock", r.Failure)
	}
	if !strings.Contains(r.Failure.Report, "RWMutex.RLock") || !strings.Contains(r.Failure.Report, "RWMutex.Lock") {
		t.Errorf("the report does not name the waits:\n%s", r.Failure.Report)
	}
}

// Once runs its function once however the goroutines interleave, and the
// others wait for it to end.
func TestOnceRunsOnce(t *testing.T) {
	r := explore(t, func() {
		var once gsync.Once
		var wg gsync.WaitGroup
		calls, seen := 0, 0
		for range 2 {
			wg.Add(1)
			gort.Go(func() {
				defer wg.Done()
				once.Do(func() { calls++ })
				if calls == 1 {
					seen++
				}
			})
		}
		wg.Wait()
		if calls != 1 || seen != 2 {
			panic("Once ran its function more than once, or a caller did not wait for it")
		}
	})
	if r.Failure != nil || !r.Exhaustive {
		t.Fatalf("%d schedules, exhaustive %v, failure %v", r.Schedules, r.Exhaustive, r.Failure)
	}
}

// A consumer waiting on a Cond for a flag is woken by the producer's
// Signal in every order.
func TestCondSignal(t *testing.T) {
	r := explore(t, func() {
		var mu gsync.Mutex
		cond := gsync.NewCond(&mu)
		ready := false
		done := gort.Made(make(chan struct{}))
		gort.Go(func() {
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
			gort.Close(done)
		})
		mu.Lock()
		ready = true
		cond.Signal()
		mu.Unlock()
		gort.In(done).Recv()
	})
	if r.Failure != nil || !r.Exhaustive {
		t.Fatalf("%d schedules, exhaustive %v, failure %v", r.Schedules, r.Exhaustive, r.Failure)
	}
}

// A Signal sent before the waiter waits is lost, as in Go: the explorer
// finds the schedule where the waiter then sleeps forever.
func TestCondLostSignal(t *testing.T) {
	r := explore(t, func() {
		var mu gsync.Mutex
		cond := gsync.NewCond(&mu)
		done := gort.Made(make(chan struct{}))
		gort.Go(func() {
			mu.Lock()
			cond.Wait() // no condition checked: a signal before this is lost
			mu.Unlock()
			gort.Close(done)
		})
		cond.Signal()
		gort.In(done).Recv()
	})
	if r.Failure == nil || r.Failure.Kind != model.KindDeadlock {
		t.Fatalf("got %+v, want the deadlock of a lost signal", r.Failure)
	}
}

// Unlocking an unlocked mutex, a fatal error in Go, is a panic under the
// explorer; so is a negative WaitGroup counter.
func TestMisusePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"unlock":  func() { var mu gsync.Mutex; mu.Unlock() },
		"runlock": func() { var mu gsync.RWMutex; mu.RUnlock() },
		"done":    func() { var wg gsync.WaitGroup; wg.Done() },
	} {
		if r := explore(t, f); r.Failure == nil || r.Failure.Kind != model.KindPanic {
			t.Errorf("%s: got %+v, want a panic", name, r.Failure)
		}
	}
}

// Map's Range visits keys in an order the schedule chooses: each rotation
// of the sorted keys, whatever the order of storing.
func TestMapRangeOrder(t *testing.T) {
	orders := map[string]bool{}
	r := model.Explore(func() {
		var m gsync.Map
		for _, k := range []string{"c", "a", "b"} {
			m.Store(k, true)
		}
		m.Delete("a")
		m.Store("a", true)
		var keys []string
		m.Range(func(k, _ any) bool { keys = append(keys, k.(string)); return true })
		orders[strings.Join(keys, "")] = true
	})
	want := map[string]bool{"abc": true, "bca": true, "cab": true}
	if !r.Exhaustive || !maps.Equal(orders, want) {
		t.Fatalf("Range gave %v (exhaustive %v), want the rotations of abc", orders, r.Exhaustive)
	}
}

// Every type works as package sync's own when no explorer runs.
func TestNative(t *testing.T) {
	var mu gsync.Mutex
	var rw gsync.RWMutex
	var wg gsync.WaitGroup
	var once gsync.Once
	var m gsync.Map
	p := gsync.Pool{New: func() any { return 1 }}
	n := 0
	for range 4 {
		wg.Go(func() {
			once.Do(func() { m.Store("once", true) })
			mu.Lock()
			n++
			mu.Unlock()
			rw.RLock()
			rw.RUnlock() //lint:ignore SA2001 taking the read lock is the test
			p.Put(p.Get())
		})
	}
	wg.Wait()
	if _, ok := m.Load("once"); n != 4 || !ok {
		t.Fatalf("n %d, once stored %v", n, ok)
	}
	v := gsync.OnceValue(func() int { return 42 })
	first, second := v(), v()
	if first != 42 || second != 42 {
		t.Fatal("OnceValue")
	}
}
