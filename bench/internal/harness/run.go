package harness

import (
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"time"
)

// Config says what to run and how often.
type Config struct {
	Quick   bool            // QuickN operations per run instead of N, and no FullOnly workloads
	Warmup  int             // untimed runs of each side before the timed ones
	Runs    int             // timed runs of each side
	Only    *regexp.Regexp  // workloads to run (nil: all)
	Sides   map[string]bool // sides to run (nil: all)
	Timeout time.Duration   // bound on one run; a side that exceeds it fails for that workload
	Scale   float64         // multiplies every N (tests use a tiny scale); 0 means 1
	Log     io.Writer       // progress; nil for none
}

// Result is what one workload measured on every side.
type Result struct {
	Workload string             `json:"workload"`
	Group    string             `json:"group"`
	Desc     string             `json:"desc"`
	Unit     string             `json:"unit"`
	N        int                `json:"n"`
	Stats    map[string]Stats   `json:"stats"`            // per side
	Ratio    map[string]float64 `json:"ratio_to_go"`      // per side: median / go median
	Errors   map[string]string  `json:"errors,omitempty"` // per side that failed
	Series   string             `json:"series,omitempty"` // the curve this is a point of (Workload.Series)
	XName    string             `json:"x_name,omitempty"`
	X        int                `json:"x,omitempty"`
}

// Report is one whole run of the harness.
type Report struct {
	Date     time.Time         `json:"date"`
	Quick    bool              `json:"quick"`
	Warmup   int               `json:"warmup"`
	Runs     int               `json:"runs"`
	Threads  int               `json:"threads"`
	Machine  Machine           `json:"machine"`
	Sides    map[string]string `json:"sides"`
	Notes    []string          `json:"notes,omitempty"`
	Results  []Result          `json:"results"`
	Duration time.Duration     `json:"duration_ns"`
}

// Threads is T, the producers / consumers / lockers of the multi-threaded
// workloads, as in crossbeam's suite.
const Threads = 4

// Runner measures the workloads of a registry on the Go sides and, when
// given, the Rust side.
type Runner struct {
	Reg  *Registry
	Rust *Rust // nil: no Rust side
}

// sideRun is one side of one workload: how to time one run of it.
type sideRun struct {
	name string
	run  func(n int) (time.Duration, error)
}

// Run measures every selected workload and returns the report (without the
// machine header, which the caller fills in).
func (r *Runner) Run(cfg Config) (*Report, error) {
	if err := r.Reg.Check(); err != nil {
		return nil, err
	}
	if cfg.Runs <= 0 {
		return nil, fmt.Errorf("harness: Runs must be > 0, got %d", cfg.Runs)
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format, args...)
		}
	}
	start := time.Now()
	rep := &Report{Date: start, Quick: cfg.Quick, Warmup: cfg.Warmup, Runs: cfg.Runs, Threads: Threads, Sides: map[string]string{}}
	for _, w := range r.Reg.Workloads() {
		if cfg.Only != nil && !cfg.Only.MatchString(w.Name) || cfg.Quick && w.FullOnly {
			continue
		}
		n := w.N
		if cfg.Quick {
			n = w.QuickN
		}
		if cfg.Scale > 0 {
			n = int(float64(n) * cfg.Scale)
		}
		// Every multi-threaded shape splits n among Threads.
		n = max(Threads, n-n%Threads)

		var sides []sideRun
		for name, impl := range r.Reg.Impls(w.Name) {
			if cfg.Sides != nil && !cfg.Sides[name] {
				continue
			}
			sides = append(sides, sideRun{name, goSide(impl, cfg.Timeout)})
		}
		if r.Rust != nil && r.Rust.Workloads[w.Name] && (cfg.Sides == nil || cfg.Sides[SideRust]) {
			name := w.Name
			sides = append(sides, sideRun{SideRust, func(n int) (time.Duration, error) { return r.Rust.Run(name, n) }})
		}
		slices.SortFunc(sides, func(a, b sideRun) int { return SideRank(a.name) - SideRank(b.name) })
		for _, s := range sides {
			if info, ok := SideInfo[s.name]; ok {
				rep.Sides[s.name] = info
			}
		}

		res := measure(w, n, sides, cfg)
		rep.Results = append(rep.Results, res)
		logf("%-26s n=%-8d", w.Name, n)
		for _, s := range sides {
			if e, bad := res.Errors[s.name]; bad {
				logf(" %s=ERROR(%s)", s.name, e)
				continue
			}
			logf(" %s=%s", s.name, FormatNs(res.Stats[s.name].MedianNs))
		}
		logf("\n")
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// measure runs the warm-up, then the timed runs with the sides interleaved:
// run i starts with side i mod len, so drift over time hits all sides alike.
func measure(w Workload, n int, sides []sideRun, cfg Config) Result {
	res := Result{
		Workload: w.Name, Group: w.Group, Desc: w.Desc, Unit: w.Unit, N: n,
		Series: w.Series, XName: w.XName, X: w.X,
		Stats: map[string]Stats{}, Ratio: map[string]float64{}, Errors: map[string]string{},
	}
	times := map[string][]time.Duration{}
	failed := func(s string) bool { _, bad := res.Errors[s]; return bad }
	for range cfg.Warmup {
		for _, s := range sides {
			if failed(s.name) {
				continue
			}
			if _, err := s.run(n); err != nil {
				res.Errors[s.name] = err.Error()
			}
		}
	}
	for i := range cfg.Runs {
		for k := range sides {
			s := sides[(i+k)%len(sides)]
			if failed(s.name) {
				continue
			}
			d, err := s.run(n)
			if err != nil {
				res.Errors[s.name] = err.Error()
				continue
			}
			times[s.name] = append(times[s.name], d)
		}
	}
	for _, s := range sides {
		if !failed(s.name) {
			res.Stats[s.name] = Summarize(times[s.name], n)
		}
	}
	if base, ok := res.Stats[SideGo]; ok {
		for s, st := range res.Stats {
			res.Ratio[s] = Ratio(st, base)
		}
	}
	if len(res.Errors) == 0 {
		res.Errors = nil
	}
	return res
}

// goSide times one run of a Go-process implementation: setup untimed, a GC
// before the timer so one side's garbage is not collected on another's time,
// what the run registered with AfterRun after the timer, a panic or a wrong
// result as an error, and a bound on the time.
func goSide(impl Impl, timeout time.Duration) func(n int) (time.Duration, error) {
	return func(n int) (time.Duration, error) {
		type out struct {
			d   time.Duration
			err error
		}
		done := make(chan out, 1)
		go func() {
			var o out
			defer func() {
				if p := recover(); p != nil {
					o.err = fmt.Errorf("panic: %v", p)
				}
				done <- o
			}()
			defer runCleanups() // before the next run starts, outside the timer
			run := impl(n)
			runtime.GC()
			start := time.Now()
			o.err = run()
			o.d = time.Since(start)
		}()
		if timeout <= 0 {
			o := <-done
			return o.d, o.err
		}
		t := time.NewTimer(timeout)
		defer t.Stop()
		select {
		case o := <-done:
			return o.d, o.err
		case <-t.C:
			return 0, fmt.Errorf("run took longer than %v (left running)", timeout)
		}
	}
}

// FormatNs prints a per-operation time in ns, µs, ms or s with three
// significant digits (or more when the integer part has them).
func FormatNs(ns float64) string {
	unit := "ns"
	switch {
	case ns >= 1e9:
		ns, unit = ns/1e9, "s"
	case ns >= 1e6:
		ns, unit = ns/1e6, "ms"
	case ns >= 1e3:
		ns, unit = ns/1e3, "µs"
	}
	return threeDigits(ns) + unit
}

func threeDigits(v float64) string {
	switch {
	case v >= 99.95:
		return fmt.Sprintf("%.0f", v)
	case v >= 9.995:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}
