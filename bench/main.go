// Command bench measures fearless against the Go built-ins, Rust std and
// other Go concurrency libraries on one fixed set of workloads, and writes
// the results as JSON, a Markdown table and SVG charts.
//
//	go run ./bench            (from the repository root; or cd bench && go run .)
//	go run ./bench -quick     (small N, fewer runs: well under a minute)
//
// See bench/README.md for the workloads, the sides and how to read the table.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	_ "github.com/fearlessgo/fearless/bench/internal/workloads"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// run is the command: flags in args, the Markdown table on stdout,
// progress on stderr.
func run(args []string, stdout, stderr io.Writer) error {
	dir := benchDir()
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		quick   = fs.Bool("quick", false, "small N and fewer runs (for CI and a first look; under a minute)")
		out     = fs.String("out", filepath.Join(dir, "results"), "directory for the JSON, Markdown and SVG files")
		runs    = fs.Int("runs", 0, "timed runs per side (default 7, or 3 with -quick)")
		warmup  = fs.Int("warmup", 1, "untimed warm-up runs per side")
		only    = fs.String("only", "", "run only the workloads matching this regular expression")
		sides   = fs.String("sides", "", "comma-separated sides to run (default: all)")
		noRust  = fs.Bool("no-rust", false, "skip the Rust side")
		rustDir = fs.String("rust", filepath.Join(dir, "rust"), "the cargo project of the Rust side")
		timeout = fs.Duration("timeout", 2*time.Minute, "a side whose single run takes longer fails that workload")
		from    = fs.String("from", "", "write Markdown and SVG again from this JSON report instead of running")
		scale   = fs.Float64("scale", 1, "multiply every N by this (below 1 for smoke tests; numbers are then not comparable)")
	)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: go run ./bench [flags]\n\n"+
			"Runs every workload on every side (fearless, the Go built-ins, other Go\n"+
			"libraries, Rust std) and writes JSON, a Markdown table and SVG charts.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h and -help: the usage is printed, and that is all
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q (flags go before them?)", fs.Args())
	}
	if *from != "" {
		return rerender(*from, *out, stderr)
	}
	if *scale <= 0 {
		return fmt.Errorf("-scale must be > 0, got %v", *scale)
	}

	cfg := harness.Config{Quick: *quick, Warmup: *warmup, Runs: *runs, Timeout: *timeout, Scale: *scale, Log: stderr}
	if cfg.Runs == 0 {
		cfg.Runs = 7
		if *quick {
			cfg.Runs = 3
		}
	}
	if *only != "" {
		re, err := regexp.Compile(*only)
		if err != nil {
			return fmt.Errorf("-only: %w", err)
		}
		cfg.Only = re
	}
	if *sides != "" {
		cfg.Sides = map[string]bool{}
		for _, s := range strings.Split(*sides, ",") {
			cfg.Sides[strings.TrimSpace(s)] = true
		}
	}

	machine := harness.ThisMachine()
	var notes []string
	if *scale != 1 {
		notes = append(notes, fmt.Sprintf("Every N scaled by %g (-scale): a smoke test, not numbers to compare.", *scale))
	}
	runner := &harness.Runner{Reg: harness.Default}
	if *noRust || (cfg.Sides != nil && !cfg.Sides[harness.SideRust]) {
		notes = append(notes, "Rust side not run (-no-rust or -sides).")
	} else {
		fmt.Fprintf(stderr, "building the Rust side: cargo build --release --offline in %s\n", *rustDir)
		bin, version, err := harness.BuildRust(*rustDir, stderr)
		switch {
		case errors.Is(err, harness.ErrNoToolchain):
			notes = append(notes, "Rust side skipped: cargo not found (install Rust to compare with std).")
			fmt.Fprintln(stderr, "bench: cargo not found; skipping the Rust side")
		case err != nil:
			return err
		default:
			rust, err := harness.StartRust(bin, version, *timeout)
			if err != nil {
				return err
			}
			defer rust.Close()
			runner.Rust = rust
			machine.Rust = version
		}
	}

	rep, err := runner.Run(cfg)
	if err != nil {
		return err
	}
	machine.LoadEnd = harness.LoadAverage()
	rep.Machine = machine
	rep.Notes = append(notes, rep.Notes...)
	files, err := rep.WriteFiles(*out)
	if err != nil {
		return err
	}
	if err := rep.WriteMarkdown(stdout, nil); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "\nwrote (in %.0fs):\n  %s\n", rep.Duration.Seconds(), strings.Join(files, "\n  "))
	var failed []string
	for _, r := range rep.Results {
		for s := range r.Errors {
			failed = append(failed, r.Workload+" on "+s)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d side(s) failed: %s", len(failed), strings.Join(failed, ", "))
	}
	return nil
}

// rerender writes Markdown and charts again from a saved report.
func rerender(path, out string, stderr io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	rep, err := harness.ReadReport(f)
	if err != nil {
		return err
	}
	files, err := rep.WriteFiles(out)
	fmt.Fprintf(stderr, "wrote:\n  %s\n", strings.Join(files, "\n  "))
	return err
}

// benchDir finds this module's directory whether the command runs from the
// repository root (go run ./bench) or from bench itself (go run .).
func benchDir() string {
	for _, d := range []string{".", "bench"} {
		if isBenchModule(d) {
			return d
		}
	}
	return "."
}

func isBenchModule(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && strings.Contains(string(b), "module github.com/fearlessgo/fearless/bench\n")
}
