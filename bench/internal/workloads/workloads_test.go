package workloads

import (
	"errors"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/bench/internal/harness"
)

// tiny is the n of the smoke runs: enough for every shape to do real work
// (each of T producers sends several messages), small enough for -race.
const tiny = 64

func TestEveryWorkloadHasGoBaseline(t *testing.T) {
	if err := harness.Default.Check(); err != nil {
		t.Fatal(err)
	}
	ws := harness.Default.Workloads()
	if len(ws) == 0 {
		t.Fatal("no workloads registered")
	}
	for _, w := range ws {
		if _, ok := harness.Default.Impls(w.Name)[harness.SideGo]; !ok {
			t.Errorf("%s has no Go built-in side: its ratios would be missing", w.Name)
		}
		if w.QuickN > w.N || w.N%T != 0 || w.QuickN%T != 0 {
			t.Errorf("%s: N %d, QuickN %d: want QuickN <= N, both multiples of T", w.Name, w.N, w.QuickN)
		}
		if w.Group == "" || w.Unit == "" || w.Desc == "" {
			t.Errorf("%s: missing group, unit or description", w.Name)
		}
	}
}

// TestTinyRunGoSides runs every Go-process side of every workload once with
// a tiny n and checks it did the work right (each run checks its own result).
func TestTinyRunGoSides(t *testing.T) {
	for _, w := range harness.Default.Workloads() {
		impls := harness.Default.Impls(w.Name)
		var sides []string
		for s := range impls {
			sides = append(sides, s)
		}
		sort.Strings(sides)
		for _, s := range sides {
			t.Run(w.Name+"/"+s, func(t *testing.T) {
				ns := []int{T, tiny}
				if w.FullOnly {
					// Its setup takes seconds: once is enough.
					if testing.Short() {
						t.Skip("full-run-only workload, whose setup takes seconds, skipped in -short mode")
					}
					ns = ns[:1]
				}
				for _, n := range ns {
					if err := harness.RunOnce(impls[s], n); err != nil {
						t.Errorf("n=%d: %v", n, err)
					}
				}
			})
		}
	}
}

// TestTinyRunRust runs every workload the Rust binary knows once with a
// tiny n, and checks that it knows exactly the workloads it should.
func TestTinyRunRust(t *testing.T) {
	bin, version, err := harness.BuildRust("../../rust", io.Discard)
	if errors.Is(err, harness.ErrNoToolchain) {
		t.Skip("cargo not found")
	}
	if err != nil {
		t.Fatal(err)
	}
	r, err := harness.StartRust(bin, version, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	declared := map[string]bool{}
	for _, w := range harness.Default.Workloads() {
		declared[w.Name] = true
		want := !isSelect(w.Name) && !detectorOrExplorer(w.Name)
		if r.Workloads[w.Name] != want {
			t.Errorf("%s: Rust implements it = %v, want %v", w.Name, r.Workloads[w.Name], want)
		}
	}
	for name := range r.Workloads {
		if !declared[name] {
			t.Errorf("Rust implements %s, which no Go file declares", name)
			continue
		}
		if _, err := r.Run(name, tiny); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// isSelect: Rust std has no select over channels.
func isSelect(name string) bool {
	return strings.HasSuffix(name, "/select2")
}

// detectorOrExplorer: Rust std has neither a deadlock detector nor a
// schedule explorer.
func detectorOrExplorer(name string) bool {
	return strings.HasPrefix(name, "deadlock/") || strings.HasPrefix(name, "scale/deadlock/") ||
		strings.HasPrefix(name, "scale/explore/")
}

func TestChunks(t *testing.T) {
	for _, c := range []struct{ n, p, parts int }{{10, 3, 3}, {2, 8, 2}, {0, 4, 1}, {7, 1, 1}} {
		cs := chunks(c.n, c.p)
		if len(cs) != c.parts {
			t.Errorf("chunks(%d, %d) has %d parts, want %d", c.n, c.p, len(cs), c.parts)
		}
		next := 0
		for _, r := range cs {
			if r[0] != next || r[1] < r[0] {
				t.Errorf("chunks(%d, %d) = %v: not contiguous", c.n, c.p, cs)
			}
			next = r[1]
		}
		if next != c.n {
			t.Errorf("chunks(%d, %d) = %v: does not cover n", c.n, c.p, cs)
		}
	}
}

func TestMixMatchesRust(t *testing.T) {
	// The same constants as the Rust side's mix: splitmix64's finaliser.
	if got := mix(1); got != 0x5692161d100b05e5 {
		t.Errorf("mix(1) = %#x", got)
	}
}
