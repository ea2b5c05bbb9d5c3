package harness

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func sampleReport() *Report {
	st := func(med float64) Stats {
		return Stats{Runs: 3, MedianNs: med, MinNs: med * 0.9, MaxNs: med * 1.2, MADPct: 2}
	}
	return &Report{
		Date:    time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC),
		Quick:   true,
		Warmup:  1,
		Runs:    3,
		Threads: Threads,
		Machine: Machine{Host: "my host.local", OS: "linux", Arch: "amd64", CPU: "Test CPU", Cores: 2, GOMAXPROCS: 2, GoVersion: "go1.26", Rust: "rustc 1.95.0", LoadStart: "1.00 0.50 0.25", LoadEnd: "2.00 1.00 0.50"},
		Sides:   map[string]string{SideGo: "built-ins", SideFearless: "us", SideRust: "std"},
		Notes:   []string{"a note"},
		Results: []Result{
			{Workload: "chan/x/spsc", Group: "channels", Desc: "one to one", Unit: "msg", N: 100,
				Stats: map[string]Stats{SideGo: st(40), SideFearless: st(20), SideRust: st(4000)},
				Ratio: map[string]float64{SideGo: 1, SideFearless: 0.5, SideRust: 100}},
			{Workload: "chan/x/select2", Group: "channels", Desc: "select", Unit: "msg", N: 100,
				Stats:  map[string]Stats{SideGo: st(50)},
				Ratio:  map[string]float64{SideGo: 1},
				Errors: map[string]string{SideFearless: "wrong sum"}},
			{Workload: "par/sum", Group: "pool & par", Desc: "sum", Unit: "elem", N: 1000,
				Stats: map[string]Stats{SideGo: st(0.3), SideConc: st(0.6)},
				Ratio: map[string]float64{SideGo: 1, SideConc: 2}},
			{Workload: "only/go", Group: "lonely", Desc: "nothing to compare", Unit: "op", N: 4,
				Stats: map[string]Stats{SideGo: st(1)},
				Ratio: map[string]float64{SideGo: 1}},
		},
		Duration: 12 * time.Second,
	}
}

func TestWriteFiles(t *testing.T) {
	rep := sampleReport()
	dir := t.TempDir()
	files, err := rep.WriteFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	base := "2026-11-22-my-host-local-quick"
	if rep.BaseName() != base {
		t.Errorf("BaseName = %q, want %q", rep.BaseName(), base)
	}
	want := []string{base + ".json", base + "-channels.svg", base + "-pool-par.svg", base + ".md"}
	var got []string
	for _, f := range files {
		got = append(got, filepath.Base(f))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files = %v, want %v (no chart for a group with only Go)", got, want)
	}

	// JSON round trip.
	f, err := os.Open(filepath.Join(dir, base+".json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	back, err := ReadReport(f)
	if err != nil {
		t.Fatal(err)
	}
	if back.Machine != rep.Machine || len(back.Results) != 4 || back.Results[0].Stats[SideRust].MedianNs != 4000 ||
		back.Results[1].Errors[SideFearless] != "wrong sum" || back.Duration != rep.Duration {
		t.Errorf("JSON round trip lost data: %+v", back)
	}

	// Markdown.
	md, err := os.ReadFile(filepath.Join(dir, base+".md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"Machine: Test CPU, 2 cores, GOMAXPROCS=2, linux/amd64, go1.26, rustc 1.95.0. Load average (1, 5, 15 min) 1.00 0.50 0.25 at the start, 2.00 1.00 0.50 at the end (2 cores).",
		"> a note",
		"## channels",
		"![channels: time relative to Go](" + base + "-channels.svg)",
		"| workload | N | go | fearless | rust |",
		"| `chan/x/spsc` | 100 msg | 40.0ns ±2% | 20.0ns ±2% · **0.50×** | 4.00µs ±2% · **100×** |",
		"| `chan/x/select2` | 100 msg | 50.0ns ±2% | error | — |",
		"| workload | N | go | conc |",
		"## Errors",
		"- `chan/x/select2` on fearless: wrong sum",
		"- **fearless**: us",
	} {
		if !strings.Contains(string(md), s) {
			t.Errorf("Markdown lacks %q:\n%s", s, md)
		}
	}

	// SVG: well-formed XML with an <svg> root that names the sides.
	svg, err := os.ReadFile(filepath.Join(dir, base+"-channels.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if err := wellFormed(svg); err != nil {
		t.Errorf("channels chart is not well-formed XML: %v", err)
	}
	for _, s := range []string{"<svg", "fearless", "rust", "chan/x/spsc", "1×"} {
		if !bytes.Contains(svg, []byte(s)) {
			t.Errorf("chart lacks %q", s)
		}
	}
}

// TestCurveChart: a group of curves gets one panel per series, each with
// the Go built-in's line, ticks at the measured x values, and time labels.
func TestCurveChart(t *testing.T) {
	st := func(med float64) Stats { return Stats{Runs: 3, MedianNs: med, MinNs: med, MaxNs: med, MADPct: 5} }
	rep := sampleReport()
	for i, x := range []int{1, 4, 64} {
		for _, series := range []string{"a channel", "a Mutex"} {
			rep.Results = append(rep.Results, Result{
				Workload: fmt.Sprintf("scale/%s/%d", series, x), Group: "scaling", Unit: "msg", N: 64,
				Series: series, XName: "producers", X: x,
				Stats: map[string]Stats{SideGo: st(float64(40 + 10*i)), SideFearless: st(float64(20 + 30*i))},
				Ratio: map[string]float64{SideGo: 1, SideFearless: float64(20+30*i) / float64(40+10*i)},
			})
		}
	}
	// A curve with the Go side only draws no panel.
	rep.Results = append(rep.Results, Result{Workload: "scale/lonely/1", Group: "scaling", Unit: "op", N: 4,
		Series: "lonely", XName: "x", X: 1, Stats: map[string]Stats{SideGo: st(1)}, Ratio: map[string]float64{SideGo: 1}})
	var b bytes.Buffer
	ok, err := rep.Chart(&b, "scaling")
	if err != nil || !ok {
		t.Fatalf("Chart = %v, %v", ok, err)
	}
	if err := wellFormed(b.Bytes()); err != nil {
		t.Fatalf("curve chart is not well-formed XML: %v", err)
	}
	svg := b.String()
	for _, s := range []string{"a channel", "a Mutex", "producers (log scale)", "time per msg", "64", "go", "fearless", "50ns"} {
		if !strings.Contains(svg, s) {
			t.Errorf("curve chart lacks %q", s)
		}
	}
	if strings.Contains(svg, "lonely") {
		t.Error("a curve without another side than Go has a panel")
	}
	if len(rep.curves("channels")) != 0 {
		t.Error("a group of bars is taken for curves")
	}
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return nil
			}
			return err
		}
	}
}

func TestMarkdownFullRunHeader(t *testing.T) {
	rep := sampleReport()
	rep.Quick = false
	rep.Machine.Rust = ""
	var b strings.Builder
	if err := rep.WriteMarkdown(&b, nil); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "full run") || strings.Contains(out, "quick run") {
		t.Errorf("header does not say full run:\n%s", out)
	}
	if !strings.Contains(out, "Rust side skipped") {
		t.Error("machine line does not say the Rust side was skipped")
	}
	if strings.Contains(out, "![") {
		t.Error("chart links without charts")
	}
}
