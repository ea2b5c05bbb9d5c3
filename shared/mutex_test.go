package shared

import (
	"errors"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
)

// The cases below carry Rust's library/std/tests/sync/mutex.rs over to Go.

func TestMutexSmoke(t *testing.T) {
	m := NewMutex(struct{}{})
	for range 2 {
		g, err := m.Lock()
		if err != nil {
			t.Fatalf("Lock = %v", err)
		}
		g.Unlock()
	}
}

func TestMutexLotsAndLots(t *testing.T) {
	leak.Check(t)
	const j, k = 1000, 3
	m := NewArc(NewMutex(0), nil)
	var hs []*thread.JoinHandle[struct{}]
	for range 2 * k {
		m2 := m.Clone()
		hs = append(hs, thread.Go(func() {
			defer m2.Drop()
			for range j {
				g, _ := m2.Value().Lock()
				*g.Get()++
				g.Unlock()
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	if v, err := m.Value().Load(); v != j*k*2 || err != nil {
		t.Fatalf("Load = %d, %v; want %d, nil", v, err, j*k*2)
	}
}

func TestMutexTryLock(t *testing.T) {
	m := NewMutex(1)
	g, err := m.TryLock()
	if err != nil {
		t.Fatalf("TryLock on a free mutex = %v", err)
	}
	if g2, err := m.TryLock(); !errors.Is(err, ErrWouldBlock) || g2 != nil {
		t.Fatalf("TryLock on a held mutex = %v, %v; want nil, ErrWouldBlock", g2, err)
	}
	*g.Get() = 2
	g.Unlock()
	if v, _ := m.Load(); v != 2 {
		t.Fatalf("value = %d, want 2", v)
	}
}

func TestMutexLoadSetReplace(t *testing.T) {
	type nonCopy struct{ v int }
	m := NewMutex(nonCopy{10})
	if v, err := m.Load(); v != (nonCopy{10}) || err != nil {
		t.Fatalf("Load = %v, %v", v, err)
	}
	if err := m.Set(nonCopy{20}); err != nil {
		t.Fatalf("Set = %v", err)
	}
	if old, err := m.Replace(nonCopy{30}); old != (nonCopy{20}) || err != nil {
		t.Fatalf("Replace = %v, %v; want {20}, nil", old, err)
	}
	if v, _ := m.Load(); v != (nonCopy{30}) {
		t.Fatalf("Load after Replace = %v", v)
	}
}

func TestMutexArcNested(t *testing.T) {
	leak.Check(t)
	inner := NewArc(NewMutex(1), nil)
	outer := NewArc(NewMutex(inner), nil)
	h := thread.Spawn(func() int {
		g, _ := outer.Value().Lock()
		defer g.Unlock()
		g2, _ := (*g.Get()).Value().Lock()
		defer g2.Unlock()
		return *g2.Get()
	})
	if v, err := h.Join(); v != 1 || err != nil {
		t.Fatalf("nested lock read %d, %v", v, err)
	}
}

func TestMutexArrayValue(t *testing.T) {
	m := NewMutex([]int{1, 2, 3})
	g, _ := m.Lock()
	b := *g.Get()
	b[0], b[2] = 4, 5
	g.Unlock()
	if got := m.String(); got != "Mutex { data: [4, 2, 5] }" {
		t.Fatalf("String = %q", got)
	}
}

func TestMutexPanicsRepeatedly(t *testing.T) {
	m := NewMutex(42)
	for i := range 3 {
		r := catch(func() {
			g, err := m.Lock()
			if (err != nil) != (i > 0) {
				t.Errorf("Lock #%d err = %v", i, err)
			}
			defer g.Unlock()
			panic("test panic with mutex")
		})
		if r != "test panic with mutex" {
			t.Fatalf("panic #%d came out as %v", i, r)
		}
		// The panic released the lock: nobody is left waiting.
		g, err := m.TryLock()
		if !errors.Is(err, ErrPoisoned) || g == nil {
			t.Fatalf("TryLock after panic #%d = %v, %v", i, g, err)
		}
		g.Unlock()
	}
}

func TestMutexAccessInUnwind(t *testing.T) {
	leak.Check(t)
	quietPanics(t)
	m := NewArc(NewMutex(1), nil)
	m2 := m.Clone()
	incr := func() {
		// Taken and released while the thread unwinds: as in Rust, a
		// guard that exists only during unwinding does not poison.
		g, _ := m2.Value().Lock()
		defer g.Unlock()
		*g.Get()++
	}
	_, err := thread.Go(func() {
		defer incr()
		panic("unwind")
	}).Join()
	if err == nil {
		t.Fatal("the thread did not panic")
	}
	v, err := m.Value().Load()
	if v != 2 || err != nil {
		t.Fatalf("Load = %d, %v; want 2, nil", v, err)
	}
}

func TestMutexArcPoison(t *testing.T) {
	leak.Check(t)
	quietPanics(t)
	m := NewArc(NewMutex(1), nil)
	if m.Value().IsPoisoned() {
		t.Fatal("a new mutex is poisoned")
	}
	m2 := m.Clone()
	_, err := thread.Go(func() {
		g, _ := m2.Value().Lock()
		defer g.Unlock()
		if *g.Get() != 2 {
			panic("deliberate assertion failure to poison the mutex")
		}
	}).Join()
	if err == nil {
		t.Fatal("the thread did not panic")
	}
	g, err := m.Value().Lock()
	if !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Lock after the panic = %v, want ErrPoisoned", err)
	}
	if *g.Get() != 1 {
		t.Fatalf("the guard of a poisoned lock reads %d, want 1", *g.Get())
	}
	g.Unlock()
	if !m.Value().IsPoisoned() {
		t.Fatal("IsPoisoned = false")
	}
}

func TestMutexPoisonedLoadSetReplace(t *testing.T) {
	m := poisonedMutex(t, 10)
	if v, err := m.Load(); v != 10 || !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Load = %d, %v; want 10, ErrPoisoned", v, err)
	}
	if err := m.Set(20); !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Set = %v, want ErrPoisoned", err)
	}
	if v, old := m.Replace(30); v != 30 || !errors.Is(old, ErrPoisoned) {
		t.Fatalf("Replace = %d, %v; want its argument back and ErrPoisoned", v, old)
	}
	if v, _ := m.Load(); v != 10 {
		t.Fatalf("a poisoned mutex changed its value to %d", v)
	}
	m.ClearPoison()
	if m.IsPoisoned() {
		t.Fatal("ClearPoison did not clear")
	}
	if err := m.Set(20); err != nil {
		t.Fatalf("Set after ClearPoison = %v", err)
	}
	if v, err := m.Load(); v != 20 || err != nil {
		t.Fatalf("Load = %d, %v", v, err)
	}
}

func TestMutexWith(t *testing.T) {
	m := NewMutex(2)
	if err := m.With(func(v *int) { *v += 3 }); err != nil {
		t.Fatalf("With = %v", err)
	}
	if v, _ := m.Load(); v != 5 {
		t.Fatalf("value = %d, want 5", v)
	}
	sentinel := errors.New("boom")
	r := catch(func() {
		m.With(func(v *int) {
			*v = -1
			panic(sentinel)
		})
	})
	if r != sentinel {
		t.Fatalf("With let %v through, want the panic value", r)
	}
	ran := false
	if err := m.With(func(v *int) { ran = *v == -1 }); !errors.Is(err, ErrPoisoned) || !ran {
		t.Fatalf("With on a poisoned mutex = %v, ran = %v", err, ran)
	}
}

func TestMutexUnlockIsIdempotent(t *testing.T) {
	m := NewMutex(0)
	g, _ := m.Lock()
	g.Unlock()
	other, err := m.TryLock()
	if err != nil {
		t.Fatalf("TryLock after Unlock = %v", err)
	}
	g.Unlock() // a stale second Unlock must not release other's lock
	if _, err := m.TryLock(); !errors.Is(err, ErrWouldBlock) {
		t.Fatalf("a second Unlock of an old guard released the lock: TryLock = %v", err)
	}
	other.Unlock()
	other.Unlock()
	if _, err := m.TryLock(); err != nil {
		t.Fatalf("TryLock = %v", err)
	}
}

func TestMutexEarlyUnlockBesideDeferred(t *testing.T) {
	m := NewMutex(0)
	r := catch(func() {
		g, _ := m.Lock()
		defer g.Unlock()
		*g.Get() = 1
		g.Unlock()
		panic("after the lock was released")
	})
	if r == nil {
		t.Fatal("no panic")
	}
	if m.IsPoisoned() {
		t.Fatal("a panic after an early Unlock poisoned the lock")
	}
}

func TestMutexDeferredClosureDoesNotPoison(t *testing.T) {
	// Documented limit: only Unlock as the deferred call itself can see
	// the panic.
	m := NewMutex(0)
	catch(func() {
		g, _ := m.Lock()
		defer func() { g.Unlock() }()
		panic("boom")
	})
	if m.IsPoisoned() {
		t.Fatal("poisoned through a deferred closure")
	}
	if _, err := m.TryLock(); err != nil {
		t.Fatalf("the lock was not released: %v", err)
	}
}

// panicsWhileLocked is where TestMutexRepanicKeepsValueAndStack panics; the
// trace must still show it after Unlock panicked again.
func panicsWhileLocked(m *Mutex[int], v any) {
	g, _ := m.Lock()
	defer g.Unlock()
	panic(v)
}

func TestMutexRepanicKeepsValueAndStack(t *testing.T) {
	m := NewMutex(0)
	sentinel := errors.New("sentinel")
	var stack string
	func() {
		defer func() {
			r := recover()
			stack = string(debug.Stack())
			if err, ok := r.(error); !ok || !errors.Is(err, sentinel) {
				t.Errorf("recovered %v, want the original value", r)
			}
		}()
		panicsWhileLocked(m, sentinel)
	}()
	if !strings.Contains(stack, "panicsWhileLocked") {
		t.Fatalf("the trace lost the frame that panicked:\n%s", stack)
	}
	if !m.IsPoisoned() {
		t.Fatal("not poisoned")
	}
}

func TestMutexGetAfterUnlockPanics(t *testing.T) {
	m := NewMutex(0)
	g, _ := m.Lock()
	g.Unlock()
	r := catch(func() { g.Get() })
	if s, _ := r.(string); !strings.Contains(s, "shared: MutexGuard.Get after Unlock") {
		t.Fatalf("Get after Unlock panicked with %v", r)
	}
}

func TestMutexString(t *testing.T) {
	m := NewMutex(5)
	g, _ := m.Lock()
	*g.Get() = 6
	if got := m.String(); got != "Mutex { data: <locked> }" {
		t.Fatalf("String while locked = %q", got)
	}
	if got := g.String(); got != "6" {
		t.Fatalf("guard String = %q", got)
	}
	g.Unlock()
	if got := m.String(); got != "Mutex { data: 6 }" {
		t.Fatalf("String = %q", got)
	}
	p := poisonedMutex(t, "x")
	if got := p.String(); got != `Mutex { data: "x", poisoned: true }` {
		t.Fatalf("String when poisoned = %q", got)
	}
}

func TestMutexZeroValue(t *testing.T) {
	var m Mutex[[]string]
	g, err := m.Lock()
	if err != nil {
		t.Fatal(err)
	}
	*g.Get() = append(*g.Get(), "a")
	g.Unlock()
	if got := m.String(); got != `Mutex { data: ["a"] }` {
		t.Fatalf("String = %q", got)
	}
}

func TestMutexLockAllocatesNothing(t *testing.T) {
	if raceBuild {
		t.Skip("under -race the fast paths do not inline (see raceBuild)")
	}
	m := NewMutex(0)
	allocs := testing.AllocsPerRun(100, func() {
		g, _ := m.Lock()
		*g.Get()++
		g.Unlock()
		g, _ = m.TryLock()
		g.Unlock()
	})
	if allocs != 0 {
		t.Fatalf("Lock/Unlock allocates %v times per run", allocs)
	}
}
