package shared

import (
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
)

func TestArcCountsAndReleasesOnce(t *testing.T) {
	var released []string
	a := NewArc("file", func(v string) { released = append(released, v) })
	b := a.Clone()
	c := b.Clone()
	if a.StrongCount() != 3 || *c.Get() != "file" {
		t.Fatalf("count %d, value %q", a.StrongCount(), *c.Get())
	}
	a.Drop()
	a.Drop() // idempotent per handle
	b.Drop()
	if len(released) != 0 || c.StrongCount() != 1 {
		t.Fatalf("released %v with %d handles left", released, c.StrongCount())
	}
	c.Drop()
	if len(released) != 1 || released[0] != "file" || c.StrongCount() != 0 {
		t.Fatalf("released %v, count %d", released, c.StrongCount())
	}
}

func TestArcNilRelease(t *testing.T) {
	a := NewArc(1, nil)
	a.Clone().Drop()
	a.Drop()
	if a.StrongCount() != 0 {
		t.Fatal("count")
	}
}

func TestArcReleaseRunsOnceUnderRacingDrops(t *testing.T) {
	leak.Check(t)
	const rounds, handles = 200, 8
	for range rounds {
		var releases AtomicInt64
		a := NewArc(7, func(v int) {
			if v != 7 {
				t.Errorf("release got %d", v)
			}
			releases.Add(1, SeqCst)
		})
		clones := []*Arc[int]{a}
		for range handles - 1 {
			clones = append(clones, a.Clone())
		}
		var hs []*thread.JoinHandle[struct{}]
		for i := range 2 * handles {
			// Two goroutines drop each handle: each handle counts once.
			c := clones[i/2]
			hs = append(hs, thread.Go(func() { c.Drop() }))
		}
		for _, h := range hs {
			h.Join()
		}
		if r := releases.Load(SeqCst); r != 1 {
			t.Fatalf("release ran %d times", r)
		}
	}
}

func TestArcDroppedHandlePanics(t *testing.T) {
	a := NewArc(1, nil)
	keep := a.Clone()
	a.Drop()
	for name, f := range map[string]func(){
		"Get":   func() { a.Get() },
		"Value": func() { a.Value() },
		"Clone": func() { a.Clone() },
	} {
		r := catch(f)
		if s, _ := r.(string); !strings.Contains(s, "shared: Arc."+name+" on a dropped handle") {
			t.Errorf("%s on a dropped handle panicked with %v", name, r)
		}
	}
	if *keep.Get() != 1 {
		t.Fatal("the other handle lost the value")
	}
}

func TestArcString(t *testing.T) {
	a := NewArc([]int{10, 20, 30}, nil)
	if got := a.String(); got != "[10, 20, 30]" {
		t.Fatalf("String = %q", got)
	}
}
