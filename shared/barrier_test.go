package shared

import (
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
)

// TestBarrier carries Rust's library/std/tests/sync/barrier.rs over: nine
// threads wait until the tenth arrives, and exactly one of the ten leads.
func TestBarrier(t *testing.T) {
	leak.Check(t)
	const n = 10
	b := NewBarrier(n)
	leaders := make(chan bool, n)
	for range n - 1 {
		thread.Go(func() { leaders <- b.Wait().IsLeader() })
	}
	// Nobody can pass before the last one arrives.
	select {
	case <-leaders:
		t.Fatal("a thread passed the barrier before all arrived")
	default:
	}
	found := b.Wait().IsLeader()
	for range n - 1 {
		if <-leaders {
			if found {
				t.Fatal("two leaders")
			}
			found = true
		}
	}
	if !found {
		t.Fatal("no leader")
	}
}

// Over 1,000 generations: nobody leaves a generation before everyone
// arrived in it, and each generation has exactly one leader.
func TestBarrierManyGenerations(t *testing.T) {
	leak.Check(t)
	const n, generations = 4, 1000
	b := NewBarrier(n)
	var arrived, leaders [generations]AtomicInt64
	var hs []*thread.JoinHandle[struct{}]
	for range n {
		hs = append(hs, thread.Go(func() {
			for gen := range generations {
				arrived[gen].Add(1, SeqCst)
				if b.Wait().IsLeader() {
					leaders[gen].Add(1, SeqCst)
				}
				if a := arrived[gen].Load(SeqCst); a != n {
					t.Errorf("left generation %d with %d of %d arrived", gen, a, n)
					return
				}
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	for gen := range generations {
		if l := leaders[gen].Load(SeqCst); l != 1 {
			t.Fatalf("generation %d had %d leaders", gen, l)
		}
	}
}

func TestBarrierOfOneOrZeroNeverWaits(t *testing.T) {
	for _, n := range []int{0, 1} {
		b := NewBarrier(n)
		for range 3 {
			if !b.Wait().IsLeader() {
				t.Fatalf("NewBarrier(%d).Wait did not lead", n)
			}
		}
	}
	var zero Barrier
	if !zero.Wait().IsLeader() {
		t.Fatal("the zero Barrier did not lead")
	}
}

func TestBarrierNegativePanics(t *testing.T) {
	r := catch(func() { NewBarrier(-1) })
	if s, _ := r.(string); !strings.Contains(s, "shared: NewBarrier: n is -1, below 0; pass the number of goroutines") {
		t.Fatalf("NewBarrier(-1) panicked with %v", r)
	}
}

func TestBarrierStrings(t *testing.T) {
	b := NewBarrier(1)
	if got := b.String(); got != "Barrier { .. }" {
		t.Fatalf("String = %q", got)
	}
	if got := b.Wait().String(); got != "BarrierWaitResult { is_leader: true }" {
		t.Fatalf("result String = %q", got)
	}
}
