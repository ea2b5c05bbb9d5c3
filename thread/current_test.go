package thread

import (
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
)

func TestCurrentInMain(t *testing.T) {
	if mainAtStart.Name() != "main" || mainAtStart.ID() != 1 {
		t.Fatalf("Current() in main = %v", mainAtStart)
	}
}

func TestCurrentInSpawnedThread(t *testing.T) {
	leak.Check(t)
	h := Spawn(Current)
	if cur, _ := h.Join(); cur != h.Thread() {
		t.Fatalf("Current() = %v, handle's thread %v", cur, h.Thread())
	}
	if h.Thread().Name() != "" || h.Thread().ID() <= 1 {
		t.Fatalf("unnamed thread = %v", h.Thread())
	}
}

func TestCurrentOnDeepStack(t *testing.T) {
	leak.Check(t)
	var deep func(int) *Thread
	deep = func(n int) *Thread {
		if n == 0 {
			return Current()
		}
		return deep(n - 1)
	}
	h := Spawn(func() *Thread { return deep(5000) })
	if cur, _ := h.Join(); cur != h.Thread() {
		t.Fatalf("Current() 5000 frames deep = %v, want %v", cur, h.Thread())
	}
}

func TestCurrentInForeignGoroutine(t *testing.T) {
	leak.Check(t)
	type seen struct{ first, second *Thread }
	ch := make(chan seen)
	for range 2 {
		go func() {
			first := Current()
			ch <- seen{first, Current()}
		}()
	}
	a, b := <-ch, <-ch
	if a.first != a.second || b.first != b.second {
		t.Fatal("Current() changed within one goroutine")
	}
	if a.first.ID() == b.first.ID() || a.first.Name() != "" {
		t.Fatalf("two goroutines: %v and %v", a.first, b.first)
	}
}

func TestIDsAreUnique(t *testing.T) {
	leak.Check(t)
	seen := map[uint64]bool{1: true}
	for range 100 {
		id := Spawn(func() uint64 { return Current().ID() })
		v, _ := id.Join()
		if seen[v] {
			t.Fatalf("id %d handed out twice", v)
		}
		seen[v] = true
	}
}

func TestThreadString(t *testing.T) {
	h, _ := SpawnWith(NewBuilder().Name("worker-1"), func() int { return 0 })
	h.Join()
	if s := h.Thread().String(); !strings.HasPrefix(s, "Thread { id: ThreadId(") || !strings.HasSuffix(s, `name: Some("worker-1") }`) {
		t.Fatalf("String() = %s", s)
	}
	if s := mainAtStart.String(); s != `Thread { id: ThreadId(1), name: Some("main") }` {
		t.Fatalf("String() = %s", s)
	}
	u := Spawn(func() int { return 0 })
	if s := u.Thread().String(); !strings.HasSuffix(s, "name: None }") {
		t.Fatalf("String() = %s", s)
	}
}
