package harness

import (
	"strings"
	"testing"
)

// TestAfterRunIsUntimedAndInOrder: what a run registers runs after it, in
// reverse order, before the next run's setup, and the quick run leaves out
// a FullOnly workload while carrying a point's curve into its result.
func TestAfterRunIsUntimedAndInOrder(t *testing.T) {
	reg := NewRegistry()
	reg.AddWorkload(Workload{Name: "w/point", Group: "g", Unit: "op", N: 8, QuickN: 8, Series: "curve", XName: "threads", X: 2})
	reg.AddWorkload(Workload{Name: "w/heavy", Group: "g", Unit: "op", N: 8, QuickN: 8, FullOnly: true})
	var log []string
	impl := func(n int) func() error {
		log = append(log, "setup")
		AfterRun(func() { log = append(log, "first") })
		return func() error {
			log = append(log, "run")
			AfterRun(func() { log = append(log, "second") })
			return nil
		}
	}
	reg.Register(SideGo, map[string]Impl{"w/point": impl, "w/heavy": impl})
	rep, err := (&Runner{Reg: reg}).Run(Config{Quick: true, Warmup: 0, Runs: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := "setup run second first setup run second first"
	if got := strings.Join(log, " "); got != want {
		t.Errorf("order:\n got %s\nwant %s", got, want)
	}
	if len(rep.Results) != 1 {
		t.Fatalf("%d results, want 1: -quick leaves out a FullOnly workload", len(rep.Results))
	}
	if r := rep.Results[0]; r.Series != "curve" || r.XName != "threads" || r.X != 2 {
		t.Errorf("result lost its curve: %+v", r)
	}

	log = nil
	if err := RunOnce(impl, 4); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(log, " "); got != "setup run second first" {
		t.Errorf("RunOnce: %s", got)
	}
}
