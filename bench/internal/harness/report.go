package harness

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// BaseName is the file name every output of a report shares:
// <date>-<host>, with -quick for quick runs.
func (rep *Report) BaseName() string {
	host := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, rep.Machine.Host)
	name := rep.Date.Format("2006-01-02") + "-" + host
	if rep.Quick {
		name += "-quick"
	}
	return name
}

// WriteJSON writes the report as indented JSON.
func (rep *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// ReadReport reads a report written by WriteJSON.
func ReadReport(r io.Reader) (*Report, error) {
	var rep Report
	if err := json.NewDecoder(r).Decode(&rep); err != nil {
		return nil, fmt.Errorf("harness: reading report: %w", err)
	}
	return &rep, nil
}

// Groups returns the groups of the results in first-seen order.
func (rep *Report) Groups() []string {
	var gs []string
	for _, r := range rep.Results {
		if !slices.Contains(gs, r.Group) {
			gs = append(gs, r.Group)
		}
	}
	return gs
}

// sidesOf returns the sides measured (or failed) in a group, display order.
func (rep *Report) sidesOf(group string) []string {
	var ss []string
	for _, r := range rep.Results {
		if r.Group != group {
			continue
		}
		for s := range r.Stats {
			if !slices.Contains(ss, s) {
				ss = append(ss, s)
			}
		}
		for s := range r.Errors {
			if !slices.Contains(ss, s) {
				ss = append(ss, s)
			}
		}
	}
	SortSides(ss)
	return ss
}

// Cell is the table text for one side of one result: the median time per
// operation, its spread, and the ratio to the Go built-in.
func (r Result) Cell(side string) string {
	if _, bad := r.Errors[side]; bad {
		return "error"
	}
	st, ok := r.Stats[side]
	if !ok {
		return "—"
	}
	s := fmt.Sprintf("%s ±%.0f%%", FormatNs(st.MedianNs), st.MADPct)
	if side != SideGo {
		if ratio, ok := r.Ratio[side]; ok && ratio > 0 {
			s += fmt.Sprintf(" · **%s×**", threeDigits(ratio))
		}
	}
	return s
}

// MachineLine is the one-line machine header.
func (rep *Report) MachineLine() string {
	m := rep.Machine
	rust := m.Rust
	if rust == "" {
		rust = "Rust side skipped"
	}
	return fmt.Sprintf("%s, %d cores, GOMAXPROCS=%d, %s/%s, %s, %s", m.CPU, m.Cores, m.GOMAXPROCS, m.OS, m.Arch, m.GoVersion, rust)
}

// WriteMarkdown writes the tables, one per group, with the header that says
// how the numbers were taken. charts maps a group to a chart file to link
// (may be nil).
func (rep *Report) WriteMarkdown(w io.Writer, charts map[string]string) error {
	var b strings.Builder
	kind := "full run"
	if rep.Quick {
		kind = "quick run (-quick: small N, fewer runs; for CI and a first look, not for quoting)"
	}
	fmt.Fprintf(&b, "# fearless benchmarks: %s, %s\n\n", rep.Date.Format("2006-01-02"), kind)
	fmt.Fprintf(&b, "Machine: %s.", rep.MachineLine())
	if m := rep.Machine; m.LoadStart != "" {
		fmt.Fprintf(&b, " Load average (1, 5, 15 min) %s at the start", m.LoadStart)
		if m.LoadEnd != "" {
			fmt.Fprintf(&b, ", %s at the end", m.LoadEnd)
		}
		fmt.Fprintf(&b, " (%d cores).", m.Cores)
	}
	b.WriteString("\n\n")
	fmt.Fprintf(&b, "Each cell is the median time per operation over %d timed runs (after %d warm-up run(s)), "+
		"± the median absolute deviation, and in bold the ratio to the Go built-in (below 1× is faster than Go). "+
		"The runs of the sides are interleaved, so drift hits all alike. T = %d threads where a workload has several. "+
		"The whole run took %.0f s.\n\n", rep.Runs, rep.Warmup, rep.Threads, rep.Duration.Seconds())
	for _, n := range rep.Notes {
		fmt.Fprintf(&b, "> %s\n\n", n)
	}
	for _, g := range rep.Groups() {
		sides := rep.sidesOf(g)
		fmt.Fprintf(&b, "## %s\n\n", g)
		if c := charts[g]; c != "" {
			fmt.Fprintf(&b, "![%s: time relative to Go](%s)\n\n", g, c)
		}
		b.WriteString("| workload | N |")
		for _, s := range sides {
			fmt.Fprintf(&b, " %s |", s)
		}
		b.WriteString("\n|---|--:|")
		for range sides {
			b.WriteString("--:|")
		}
		b.WriteString("\n")
		for _, r := range rep.Results {
			if r.Group != g {
				continue
			}
			fmt.Fprintf(&b, "| `%s` | %d %s |", r.Workload, r.N, r.Unit)
			for _, s := range sides {
				fmt.Fprintf(&b, " %s |", r.Cell(s))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
		for _, r := range rep.Results {
			if r.Group == g {
				fmt.Fprintf(&b, "- `%s`: %s\n", r.Workload, r.Desc)
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("## Sides\n\n")
	var names []string
	for s := range rep.Sides {
		names = append(names, s)
	}
	SortSides(names)
	for _, s := range names {
		fmt.Fprintf(&b, "- **%s**: %s\n", s, rep.Sides[s])
	}
	var errs []string
	for _, r := range rep.Results {
		var ss []string
		for s := range r.Errors {
			ss = append(ss, s)
		}
		SortSides(ss)
		for _, s := range ss {
			errs = append(errs, fmt.Sprintf("- `%s` on %s: %s", r.Workload, s, r.Errors[s]))
		}
	}
	if len(errs) > 0 {
		b.WriteString("\n## Errors\n\n" + strings.Join(errs, "\n") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteFiles writes <base>.json, <base>.md and one <base>-<group>.svg per
// group into dir and returns the paths written.
func (rep *Report) WriteFiles(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	base := rep.BaseName()
	var written []string
	create := func(name string, write func(io.Writer) error) error {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		if err := write(f); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", p, err)
		}
		if err := f.Close(); err != nil {
			return err
		}
		written = append(written, p)
		return nil
	}
	if err := create(base+".json", rep.WriteJSON); err != nil {
		return written, err
	}
	charts := map[string]string{}
	for _, g := range rep.Groups() {
		name := base + "-" + slug(g) + ".svg"
		ok, err := rep.WriteChart(filepath.Join(dir, name), g)
		if err != nil {
			return written, err
		}
		if ok {
			charts[g] = name
			written = append(written, filepath.Join(dir, name))
		}
	}
	if err := create(base+".md", func(w io.Writer) error { return rep.WriteMarkdown(w, charts) }); err != nil {
		return written, err
	}
	return written, nil
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
