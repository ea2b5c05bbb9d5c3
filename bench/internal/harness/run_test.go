package harness

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder builds impls that log which side ran with which n.
type recorder struct {
	mu  sync.Mutex
	log []string
}

func (r *recorder) impl(side string, err error) Impl {
	return func(n int) func() error {
		return func() error {
			r.mu.Lock()
			r.log = append(r.log, fmt.Sprintf("%s:%d", side, n))
			r.mu.Unlock()
			return err
		}
	}
}

func TestRunnerInterleavesAndCounts(t *testing.T) {
	reg := NewRegistry()
	reg.AddWorkload(Workload{Name: "w/one", Group: "g", Unit: "op", N: 1000, QuickN: 41})
	reg.AddWorkload(Workload{Name: "w/skip", Group: "g", Unit: "op", N: 10, QuickN: 10})
	rec := &recorder{}
	for _, s := range []string{SideGo, SideFearless, SideConc} {
		reg.Register(s, map[string]Impl{"w/one": rec.impl(s, nil), "w/skip": rec.impl(s, nil)})
	}
	rep, err := (&Runner{Reg: reg}).Run(Config{Quick: true, Warmup: 1, Runs: 3, Only: regexp.MustCompile(`^w/one$`)})
	if err != nil {
		t.Fatal(err)
	}
	// QuickN 41 is rounded down to a multiple of Threads.
	want := strings.Join([]string{
		"go:40", "fearless:40", "conc:40", // warm-up, display order
		"go:40", "fearless:40", "conc:40", // run 0 starts with side 0
		"fearless:40", "conc:40", "go:40", // run 1 starts with side 1
		"conc:40", "go:40", "fearless:40", // run 2 starts with side 2
	}, " ")
	if got := strings.Join(rec.log, " "); got != want {
		t.Errorf("run order:\n got %s\nwant %s", got, want)
	}
	if len(rep.Results) != 1 {
		t.Fatalf("%d results, want 1 (-only)", len(rep.Results))
	}
	res := rep.Results[0]
	if res.N != 40 || len(res.Stats) != 3 || res.Errors != nil {
		t.Errorf("result = %+v", res)
	}
	for s, st := range res.Stats {
		if st.Runs != 3 {
			t.Errorf("%s: %d runs, want 3", s, st.Runs)
		}
		if res.Ratio[s] <= 0 {
			t.Errorf("%s: no ratio", s)
		}
	}
	if res.Ratio[SideGo] != 1 {
		t.Errorf("go ratio = %v, want 1", res.Ratio[SideGo])
	}
	if rep.Sides[SideConc] == "" {
		t.Error("report does not describe the conc side")
	}
}

func TestRunnerRecordsFailures(t *testing.T) {
	reg := NewRegistry()
	reg.AddWorkload(Workload{Name: "w", Group: "g", Unit: "op", N: 8, QuickN: 8})
	rec := &recorder{}
	reg.Register(SideGo, map[string]Impl{"w": rec.impl(SideGo, nil)})
	reg.Register(SideFearless, map[string]Impl{"w": rec.impl(SideFearless, errors.New("wrong sum"))})
	reg.Register(SideConc, map[string]Impl{"w": func(int) func() error {
		return func() error { panic("boom") }
	}})
	release := make(chan struct{})
	defer close(release)
	reg.Register(SidePond, map[string]Impl{"w": func(int) func() error {
		return func() error { <-release; return nil }
	}})
	rep, err := (&Runner{Reg: reg}).Run(Config{Warmup: 1, Runs: 2, Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	res := rep.Results[0]
	if got := res.Errors[SideFearless]; got != "wrong sum" {
		t.Errorf("fearless error = %q", got)
	}
	if got := res.Errors[SideConc]; !strings.Contains(got, "panic: boom") {
		t.Errorf("conc error = %q", got)
	}
	if got := res.Errors[SidePond]; !strings.Contains(got, "longer than") {
		t.Errorf("pond error = %q", got)
	}
	if _, ok := res.Stats[SideFearless]; ok {
		t.Error("a failed side has stats")
	}
	if res.Stats[SideGo].Runs != 2 {
		t.Errorf("go stats = %+v", res.Stats[SideGo])
	}
	// A side that failed in the warm-up is not run again.
	if got := strings.Count(strings.Join(rec.log, " "), SideFearless); got != 1 {
		t.Errorf("failed side ran %d times, want once: %v", got, rec.log)
	}
	if cell := res.Cell(SideFearless); cell != "error" {
		t.Errorf("Cell(failed) = %q", cell)
	}
}

func TestRegistry(t *testing.T) {
	reg := NewRegistry()
	reg.AddWorkload(Workload{Name: "a", N: 1, QuickN: 1})
	mustPanic(t, "duplicate workload", func() { reg.AddWorkload(Workload{Name: "a", N: 1, QuickN: 1}) })
	mustPanic(t, "zero N", func() { reg.AddWorkload(Workload{Name: "b"}) })
	impl := func(int) func() error { return func() error { return nil } }
	reg.Register(SideGo, map[string]Impl{"a": impl})
	mustPanic(t, "duplicate side", func() { reg.Register(SideGo, map[string]Impl{"a": impl}) })
	if err := reg.Check(); err != nil {
		t.Errorf("Check = %v", err)
	}
	reg.Register(SideGo, map[string]Impl{"undeclared": impl})
	if err := reg.Check(); err == nil {
		t.Error("Check did not notice an undeclared workload")
	}
	if _, err := (&Runner{Reg: reg}).Run(Config{Runs: 1}); err == nil {
		t.Error("Run with an undeclared workload: no error")
	}
	if _, err := (&Runner{Reg: NewRegistry()}).Run(Config{}); err == nil {
		t.Error("Run with Runs 0: no error")
	}
}

func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: no panic", what)
		}
	}()
	f()
}

func TestSortSides(t *testing.T) {
	ss := []string{"zzz", SideAnts, SideRust, SideGo, "aaa", SideFearless}
	SortSides(ss)
	if got := strings.Join(ss, ","); got != "go,fearless,rust,ants,aaa,zzz" {
		t.Errorf("SortSides = %s", got)
	}
}
