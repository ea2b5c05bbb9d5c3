package shared

import (
	"errors"
	"math/rand/v2"
	"testing"
	"testing/synctest"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
)

// The cases below carry Rust's library/std/tests/sync/rwlock.rs over to Go.

func TestRwLockSmoke(t *testing.T) {
	l := NewRwLock(struct{}{})
	r, _ := l.Read()
	r.Unlock()
	w, _ := l.Write()
	w.Unlock()
	r1, _ := l.Read()
	r2, err := l.Read()
	if err != nil {
		t.Fatalf("second concurrent Read = %v", err)
	}
	r1.Unlock()
	r2.Unlock()
	w, _ = l.Write()
	w.Unlock()
}

func TestRwLockFrob(t *testing.T) {
	leak.Check(t)
	const n, m = 10, 1000
	l := NewRwLock(0)
	var hs []*thread.JoinHandle[struct{}]
	for i := range n {
		hs = append(hs, thread.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			for range m {
				if rng.IntN(n) == 0 {
					g, _ := l.Write()
					*g.Get()++
					g.Unlock()
				} else {
					g, _ := l.Read()
					_ = *g.Get()
					g.Unlock()
				}
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
}

func TestRwLockArc(t *testing.T) {
	leak.Check(t)
	l := NewArc(NewRwLock(0), nil)
	w, _ := l.Value().Write()
	writer := thread.Go(func() {
		defer w.Unlock()
		for range 10 {
			tmp := *w.Get()
			*w.Get() = -1
			thread.YieldNow()
			*w.Get() = tmp + 1
		}
	})
	// Readers try to catch the writer in the act.
	var readers []*thread.JoinHandle[int]
	for range 5 {
		readers = append(readers, thread.Spawn(func() int {
			g, _ := l.Value().Read()
			defer g.Unlock()
			return *g.Get()
		}))
	}
	for _, r := range readers {
		if v, _ := r.Join(); v < 0 {
			t.Fatalf("a reader saw the writer's %d", v)
		}
	}
	writer.Join()
	if v, _ := l.Value().Load(); v != 10 {
		t.Fatalf("value = %d, want 10", v)
	}
}

func TestRwLockAccessInUnwind(t *testing.T) {
	leak.Check(t)
	quietPanics(t)
	l := NewRwLock(1)
	thread.Go(func() {
		defer func() {
			g, _ := l.Write()
			*g.Get()++
			g.Unlock()
		}()
		panic("unwind")
	}).Join()
	if v, err := l.Load(); v != 2 || err != nil {
		t.Fatalf("Load = %d, %v; want 2, nil", v, err)
	}
}

func TestRwLockLoadSetReplace(t *testing.T) {
	l := NewRwLock([3]int{1, 2, 3})
	if err := l.Set([3]int{4, 2, 5}); err != nil {
		t.Fatal(err)
	}
	if old, err := l.Replace([3]int{7, 8, 9}); old != [3]int{4, 2, 5} || err != nil {
		t.Fatalf("Replace = %v, %v", old, err)
	}
	if v, err := l.Load(); v != [3]int{7, 8, 9} || err != nil {
		t.Fatalf("Load = %v, %v", v, err)
	}
	if got := l.String(); got != "RwLock { data: [7, 8, 9] }" {
		t.Fatalf("String = %q", got)
	}
}

func TestRwLockTryWriteWhileReading(t *testing.T) {
	l := NewRwLock(0)
	r, _ := l.Read()
	if g, err := l.TryWrite(); !errors.Is(err, ErrWouldBlock) || g != nil {
		t.Fatalf("TryWrite while a reader holds = %v, %v", g, err)
	}
	if g, err := l.TryRead(); err != nil {
		t.Fatalf("TryRead while a reader holds = %v", err)
	} else {
		g.Unlock()
	}
	r.Unlock()
	w, err := l.TryWrite()
	if err != nil {
		t.Fatalf("TryWrite on a free lock = %v", err)
	}
	if g, err := l.TryRead(); !errors.Is(err, ErrWouldBlock) || g != nil {
		t.Fatalf("TryRead while a writer holds = %v, %v", g, err)
	}
	if got := l.String(); got != "RwLock { data: <locked> }" {
		t.Fatalf("String while written = %q", got)
	}
	w.Unlock()
}

func TestRwLockPoisonedLoadSetReplace(t *testing.T) {
	l := poisonedRwLock(t, 10)
	if v, err := l.Load(); v != 10 || !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Load = %d, %v", v, err)
	}
	if err := l.Set(20); !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Set = %v", err)
	}
	if v, err := l.Replace(30); v != 30 || !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Replace = %d, %v; want 30 back and ErrPoisoned", v, err)
	}
	if v, _ := l.Load(); v != 10 {
		t.Fatalf("a poisoned lock changed to %d", v)
	}
	if got := l.String(); got != "RwLock { data: 10, poisoned: true }" {
		t.Fatalf("String = %q", got)
	}
	l.ClearPoison()
	if _, err := l.Read(); err != nil {
		t.Fatalf("Read after ClearPoison = %v", err)
	}
}

func TestRwLockPoisonWriterThenRead(t *testing.T) {
	leak.Check(t)
	quietPanics(t)
	l := NewRwLock(1)
	if _, err := thread.Go(func() {
		g, _ := l.Write()
		defer g.Unlock()
		panic("writer panics")
	}).Join(); err == nil {
		t.Fatal("no panic")
	}
	if g, err := l.Read(); !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Read = %v, want ErrPoisoned", err)
	} else {
		g.Unlock()
	}
	if g, err := l.Write(); !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Write = %v, want ErrPoisoned", err)
	} else {
		g.Unlock()
	}
	if !l.IsPoisoned() {
		t.Fatal("IsPoisoned = false")
	}
}

func TestRwLockPanickingReaderDoesNotPoison(t *testing.T) {
	leak.Check(t)
	quietPanics(t)
	l := NewRwLock(1)
	if _, err := thread.Go(func() {
		g, _ := l.Read()
		defer g.Unlock()
		panic("reader panics")
	}).Join(); err == nil {
		t.Fatal("no panic")
	}
	if g, err := l.Read(); err != nil {
		t.Fatalf("Read after a reader panicked = %v", err)
	} else {
		g.Unlock()
	}
	if g, err := l.Write(); err != nil || *g.Get() != 1 {
		t.Fatalf("Write after a reader panicked = %v", err)
	} else {
		g.Unlock()
	}
}

func TestRwLockGuardsAreIdempotent(t *testing.T) {
	l := NewRwLock(0)
	r, _ := l.Read()
	r.Unlock()
	w, err := l.TryWrite()
	if err != nil {
		t.Fatal(err)
	}
	r.Unlock() // must not count as another reader leaving
	w.Unlock()
	w.Unlock()
	r2, _ := l.Read()
	if _, err := l.TryWrite(); !errors.Is(err, ErrWouldBlock) {
		t.Fatalf("TryWrite with a reader in = %v: the reader count is off", err)
	}
	r2.Unlock()
	if g, err := l.TryWrite(); err != nil {
		t.Fatalf("TryWrite on a free lock = %v", err)
	} else {
		g.Unlock()
	}
}

func TestRwLockPrefersWriters(t *testing.T) {
	leak.Check(t)
	synctest.Test(t, func(t *testing.T) {
		l := NewRwLock(0)
		r, _ := l.Read()
		wrote := false
		go func() {
			g, _ := l.Write()
			wrote = true
			g.Unlock()
		}()
		synctest.Wait() // the writer waits for the reader
		if g, err := l.TryRead(); !errors.Is(err, ErrWouldBlock) {
			t.Fatalf("TryRead with a writer waiting = %v, %v; want ErrWouldBlock", g, err)
		}
		lateRead := false
		go func() {
			g, _ := l.Read()
			lateRead = true
			if !wrote {
				t.Error("a reader that came after a waiting writer went first")
			}
			g.Unlock()
		}()
		synctest.Wait()
		if wrote || lateRead {
			t.Fatal("the writer or the late reader did not wait")
		}
		r.Unlock()
		synctest.Wait()
		if !wrote || !lateRead {
			t.Fatal("not everyone got the lock after the reader left")
		}
	})
}

func TestRwLockReadersWaitingForAWriterGoBeforeTheNextWriter(t *testing.T) {
	leak.Check(t)
	synctest.Test(t, func(t *testing.T) {
		l := NewRwLock(0)
		w, _ := l.Write()
		var order []string
		var mu Mutex[int]
		note := func(s string) {
			g, _ := mu.Lock()
			order = append(order, s)
			g.Unlock()
		}
		go func() {
			g, _ := l.Read()
			note("reader")
			g.Unlock()
		}()
		synctest.Wait()
		go func() {
			g, _ := l.Write()
			note("writer")
			g.Unlock()
		}()
		synctest.Wait()
		w.Unlock()
		synctest.Wait()
		if len(order) != 2 || order[0] != "reader" {
			t.Fatalf("order = %v; the waiting reader must go before the next writer", order)
		}
	})
}

func TestRwLockNoTornReads(t *testing.T) {
	leak.Check(t)
	type pair struct{ a, b int }
	l := NewRwLock(pair{})
	const writes, readers = 2000, 4
	var hs []*thread.JoinHandle[int]
	var done AtomicBool
	for range readers {
		hs = append(hs, thread.Spawn(func() int {
			seen := 0
			for !done.Load(Acquire) {
				g, _ := l.Read()
				p := *g.Get()
				g.Unlock()
				if p.a != p.b {
					t.Errorf("torn read: %+v", p)
					return seen
				}
				seen++
			}
			return seen
		}))
	}
	for i := range writes {
		g, _ := l.Write()
		g.Get().a = i
		thread.YieldNow()
		g.Get().b = i
		g.Unlock()
	}
	done.Store(true, Release)
	for _, h := range hs {
		h.Join()
	}
	if v, _ := l.Load(); v != (pair{writes - 1, writes - 1}) {
		t.Fatalf("final value %+v", v)
	}
}

func TestRwLockGuardsAllocateNothing(t *testing.T) {
	if raceBuild {
		t.Skip("under -race the fast paths do not inline (see raceBuild)")
	}
	l := NewRwLock(0)
	allocs := testing.AllocsPerRun(100, func() {
		r, _ := l.Read()
		_ = *r.Get()
		r.Unlock()
		w, _ := l.Write()
		*w.Get()++
		w.Unlock()
		r, _ = l.TryRead()
		r.Unlock()
		w, _ = l.TryWrite()
		w.Unlock()
	})
	if allocs != 0 {
		t.Fatalf("lock/unlock allocates %v times per run", allocs)
	}
}
