package shared

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/thread"
)

func TestOrderingNumbersAndNames(t *testing.T) {
	for _, c := range []struct {
		o    Ordering
		n    int
		name string
	}{
		{Relaxed, sched.Relaxed, "Relaxed"},
		{Release, sched.Release, "Release"},
		{Acquire, sched.Acquire, "Acquire"},
		{AcqRel, sched.AcqRel, "AcqRel"},
		{SeqCst, sched.SeqCst, "SeqCst"},
		{Ordering(9), 9, "Ordering(9)"},
	} {
		if int(c.o) != c.n || c.o.String() != c.name {
			t.Errorf("%d: %d %q, want %d %q", c.o, int(c.o), c.o, c.n, c.name)
		}
	}
}

func TestAtomicInt64(t *testing.T) {
	var a AtomicInt64
	a.Store(5, Release)
	if a.Load(Acquire) != 5 || a.Add(3, Relaxed) != 8 || a.Swap(1, AcqRel) != 8 {
		t.Fatal("Store, Load, Add or Swap")
	}
	if seen, ok := a.CompareExchange(7, 9, SeqCst, Relaxed); ok || seen != 1 {
		t.Fatalf("CompareExchange(7, 9) = %d, %v; want 1, false", seen, ok)
	}
	if seen, ok := a.CompareExchange(1, 9, AcqRel, Acquire); !ok || seen != 1 || a.Load(SeqCst) != 9 {
		t.Fatalf("CompareExchange(1, 9) = %d, %v", seen, ok)
	}
	if a.String() != "9" {
		t.Fatalf("String = %q", a.String())
	}
}

func TestAtomicUint64(t *testing.T) {
	var a AtomicUint64
	a.Store(5, SeqCst)
	if a.Add(^uint64(0), Relaxed) != 4 || a.Swap(10, SeqCst) != 4 || a.Load(Relaxed) != 10 {
		t.Fatal("Add(-1), Swap or Load")
	}
	if seen, ok := a.CompareExchange(10, 11, SeqCst, SeqCst); !ok || seen != 10 {
		t.Fatalf("CompareExchange = %d, %v", seen, ok)
	}
	if seen, ok := a.CompareExchange(10, 12, SeqCst, SeqCst); ok || seen != 11 || a.String() != "11" {
		t.Fatalf("CompareExchange = %d, %v", seen, ok)
	}
}

func TestAtomicBool(t *testing.T) {
	var a AtomicBool
	if a.Swap(true, AcqRel) || !a.Load(Acquire) {
		t.Fatal("Swap")
	}
	if seen, ok := a.CompareExchange(false, true, SeqCst, Relaxed); ok || !seen {
		t.Fatalf("CompareExchange(false, true) = %v, %v", seen, ok)
	}
	if seen, ok := a.CompareExchange(true, false, SeqCst, Relaxed); !ok || !seen {
		t.Fatalf("CompareExchange(true, false) = %v, %v", seen, ok)
	}
	a.Store(true, Relaxed)
	if a.String() != "true" {
		t.Fatal(a.String())
	}
}

func TestAtomicPointer(t *testing.T) {
	var a AtomicPointer[int]
	x, y := new(int), new(int)
	if a.Load(SeqCst) != nil || a.Swap(x, SeqCst) != nil {
		t.Fatal("zero value")
	}
	if seen, ok := a.CompareExchange(y, y, SeqCst, SeqCst); ok || seen != x {
		t.Fatal("CompareExchange with the wrong old")
	}
	if seen, ok := a.CompareExchange(x, y, SeqCst, SeqCst); !ok || seen != x {
		t.Fatal("CompareExchange")
	}
	a.Store(nil, Release)
	if a.Load(Acquire) != nil {
		t.Fatal("Store(nil)")
	}
}

func TestAtomicInvalidOrderingsPanic(t *testing.T) {
	var i AtomicInt64
	var u AtomicUint64
	var b AtomicBool
	var p AtomicPointer[int]
	for _, c := range []struct {
		f    func()
		want string
	}{
		{func() { i.Load(Release) }, "shared: AtomicInt64.Load with ordering Release: not allowed for a load; use Relaxed, Acquire, SeqCst"},
		{func() { u.Load(AcqRel) }, "shared: AtomicUint64.Load with ordering AcqRel"},
		{func() { b.Store(true, Acquire) }, "shared: AtomicBool.Store with ordering Acquire: not allowed for a store; use Relaxed, Release, SeqCst"},
		{func() { p.Store(nil, AcqRel) }, "shared: AtomicPointer.Store with ordering AcqRel"},
		{func() { i.Add(1, Ordering(7)) }, "shared: AtomicInt64.Add with ordering Ordering(7)"},
		{func() { i.CompareExchange(0, 1, SeqCst, Release) }, "failure ordering Release: the failure is a load"},
		{func() { b.CompareExchange(false, true, SeqCst, AcqRel) }, "shared: AtomicBool.CompareExchange with failure ordering AcqRel"},
	} {
		r := catch(c.f)
		if s, _ := r.(string); !strings.Contains(s, c.want) {
			t.Errorf("panicked with %v, want %q", r, c.want)
		}
	}
}

func TestAtomicAddFromManyThreads(t *testing.T) {
	leak.Check(t)
	const threads, adds = 8, 2000
	var n AtomicInt64
	var hs []*thread.JoinHandle[struct{}]
	for range threads {
		hs = append(hs, thread.Go(func() {
			for range adds {
				n.Add(1, Relaxed)
				for {
					old := n.Load(Relaxed)
					if _, ok := n.CompareExchange(old, old, AcqRel, Relaxed); ok {
						break
					}
				}
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	if n.Load(SeqCst) != threads*adds {
		t.Fatalf("n = %d", n.Load(SeqCst))
	}
}

// recordingModel is a scheduler with a memory model that keeps the latest
// value of each location and logs what it was asked.
type recordingModel struct {
	points []sched.Op
	calls  []string
	values map[any]any
}

func (r *recordingModel) Point(op sched.Op, _ any) { r.points = append(r.points, op) }
func (r *recordingModel) Go(f func())              { go f() }
func (r *recordingModel) Park(*sched.Parker, context.Context, time.Duration) error {
	panic("recordingModel: nothing may park in this test")
}
func (r *recordingModel) Unpark(*sched.Parker) {}

func (r *recordingModel) value(loc, initial any) any {
	if v, ok := r.values[loc]; ok {
		return v
	}
	return initial
}

func (r *recordingModel) Load(loc any, ord int, initial any) any {
	r.calls = append(r.calls, fmt.Sprintf("load %v from %v", Ordering(ord), initial))
	return r.value(loc, initial)
}

func (r *recordingModel) Store(loc any, ord int, v any, initial any) {
	r.calls = append(r.calls, fmt.Sprintf("store %v %v", Ordering(ord), v))
	r.values[loc] = v
}

func (r *recordingModel) Update(loc any, success, failure int, initial any, f func(any) (any, bool)) any {
	old := r.value(loc, initial)
	nv, ok := f(old)
	r.calls = append(r.calls, fmt.Sprintf("update %v/%v %v->%v %v", Ordering(success), Ordering(failure), old, nv, ok))
	if ok {
		r.values[loc] = nv
	}
	return old
}

func TestAtomicsRouteThroughTheMemoryModel(t *testing.T) {
	var a AtomicInt64
	a.Store(3, SeqCst) // before the model: its initial value
	var b AtomicBool
	var p AtomicPointer[string]
	s := "x"
	m := &recordingModel{values: map[any]any{}}
	sched.Install(m)
	func() {
		defer sched.Install(nil)
		if v := a.Load(Relaxed); v != 3 {
			t.Errorf("Load = %d", v)
		}
		a.Store(4, Release)
		if v := a.Add(2, AcqRel); v != 6 {
			t.Errorf("Add = %d", v)
		}
		if seen, ok := a.CompareExchange(5, 1, SeqCst, Acquire); ok || seen != 6 {
			t.Errorf("CompareExchange = %d, %v", seen, ok)
		}
		b.Swap(true, SeqCst)
		p.Store(&s, Release)
	}()
	want := []string{
		"load Relaxed from 3",
		"store Release 4",
		"update AcqRel/AcqRel 4->6 true",
		"update SeqCst/Acquire 6->1 false",
		"update SeqCst/SeqCst false->true true",
		fmt.Sprintf("store Release %v", &s),
	}
	if strings.Join(m.calls, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the model saw\n%s\nwant\n%s", strings.Join(m.calls, "\n"), strings.Join(want, "\n"))
	}
	if len(m.points) != len(want) {
		t.Fatalf("switch points %v", m.points)
	}
	// The real words kept up, so the values hold after the model stopped.
	if a.Load(SeqCst) != 6 || !b.Load(SeqCst) || p.Load(SeqCst) != &s {
		t.Fatal("the real storage fell behind the model")
	}
}
