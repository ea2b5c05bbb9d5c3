package thread

import (
	"errors"
	"syscall"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
)

func TestBuilderNamesTheThread(t *testing.T) {
	leak.Check(t)
	var reported *PanicError
	useHook(t, func(e *PanicError) { reported = e })

	b := NewBuilder().Name("worker-1").StackSize(32 * 1024)
	h, err := SpawnWith(b, func() *Thread { return Current() })
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := h.Join()
	if cur != h.Thread() || cur.Name() != "worker-1" || cur.StackSize() != 32*1024 {
		t.Fatalf("Current() in the thread = %v (stack %d), handle's thread %v", cur, cur.StackSize(), h.Thread())
	}
	p, _ := SpawnWith(b, func() int { panic("boom") })
	if _, err := p.Join(); err.(*PanicError).Thread != "worker-1" || reported.Thread != "worker-1" {
		t.Fatalf("panic names thread %q", err.(*PanicError).Thread)
	}
}

func TestBuilderIsAValue(t *testing.T) {
	base := NewBuilder().Name("a")
	_ = base.Name("b")
	h, _ := SpawnWith(base, func() string { return Current().Name() })
	if name, _ := h.Join(); name != "a" {
		t.Fatalf("name = %q: Name modified the Builder it was called on", name)
	}
	var zero Builder
	h, err := SpawnWith(zero, func() string { return Current().Name() })
	if name, _ := h.Join(); err != nil || name != "" {
		t.Fatalf("zero Builder: %q, %v", name, err)
	}
}

func TestBuilderRejectsInvalidConfiguration(t *testing.T) {
	for _, b := range []Builder{
		NewBuilder().Name("bad\x00name"),
		NewBuilder().StackSize(-1),
	} {
		ran := false
		h, err := SpawnWith(b, func() int { ran = true; return 0 })
		if h != nil || !errors.Is(err, ErrInvalidBuilder) || ran {
			t.Errorf("SpawnWith(%+v) = %v, %v; want nil, ErrInvalidBuilder", b, h, err)
		}
		s, err := Scope(func(s *ScopeHandle) error {
			_, err := ScopedSpawnWith(s, b, func() int { return 0 })
			return err
		}), error(nil)
		if !errors.Is(s, ErrInvalidBuilder) || err != nil {
			t.Errorf("ScopedSpawnWith(%+v) = %v", b, s)
		}
	}
}

func TestLockOSThreadKeepsOneOSThread(t *testing.T) {
	leak.Check(t)
	h, err := SpawnWith(NewBuilder().LockOSThread(), func() bool {
		tid := syscall.Gettid()
		for range 1000 {
			YieldNow()
			if syscall.Gettid() != tid {
				return false
			}
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if same, _ := h.Join(); !same {
		t.Fatal("a LockOSThread thread moved to another OS thread")
	}
}
