package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"time"
)

const testUsage = `usage: fearless test [flags] [packages]

Runs each Test function of the packages (as for go test; default ".") under
the schedule explorer, with the sources as they are: go statements,
channels, select, range over maps, sync, sync/atomic, time, context,
math/rand, math/rand/v2 and testing/synctest are rewritten at build time
(an overlay; no file changes), so that the order of goroutines, which ready case a select takes,
the order of a map's keys and the random numbers drawn are all decisions of
the schedule. A failure is a deadlock, a leak (the test returned while a
goroutine it started stays blocked forever), a panic, or a failed test, each
with a schedule that replays it. A pass that covered less than every
schedule says why: operations outside the explorer's control, a test that
does not take the same steps along the same schedule, or runs cut at the
step limit while still making progress (long rather than stuck). A test that calls model.Explore is skipped: go test runs it.

Flags:
`

// testFlags are the flags of fearless test.
type testFlags struct {
	run       string
	schedules int
	budget    time.Duration
	seed      uint64
	replay    string
	json      bool
	timers    string
	packages  []string
}

func parseTestFlags(args []string, stderr io.Writer) (*testFlags, error) {
	f := &testFlags{}
	fs := flag.NewFlagSet("fearless test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.run, "run", "", "run only the Test functions matching `regexp`, as go test -run")
	fs.IntVar(&f.schedules, "schedules", 10000, "try at most `n` schedules per test")
	fs.DurationVar(&f.budget, "budget", 60*time.Second, "spend at most `d` of wall time per test")
	fs.Uint64Var(&f.seed, "seed", 1, "seed `n` of the randomised strategies")
	fs.StringVar(&f.replay, "replay", "", "run exactly this `schedule`; needs -run naming one test")
	fs.BoolVar(&f.json, "json", false, "print one JSON object per test on stdout, and nothing else there")
	fs.StringVar(&f.timers, "timers", "idle", "`mode` of modelled time: idle (time advances only when every goroutine is blocked) or early (a timer may also fire while others could run)")
	fs.Usage = func() {
		fmt.Fprint(stderr, testUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	f.packages = fs.Args()
	if len(f.packages) == 0 {
		f.packages = []string{"."}
	}
	if f.schedules < 1 {
		return nil, fmt.Errorf("-schedules must be at least 1, got %d", f.schedules)
	}
	if f.budget <= 0 {
		return nil, fmt.Errorf("-budget must be positive, got %v", f.budget)
	}
	if f.timers != "idle" && f.timers != "early" {
		return nil, fmt.Errorf("-timers must be idle or early, got %q", f.timers)
	}
	if _, err := regexp.Compile(f.run); err != nil {
		return nil, fmt.Errorf("-run: %v", err)
	}
	if f.replay != "" && f.run == "" {
		return nil, errors.New("-replay needs -run naming the one test to replay, as the replay line prints it")
	}
	return f, nil
}

func test(args []string, stdout, stderr io.Writer) int {
	f, err := parseTestFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "fearless test: %v\n", err)
		return 2
	}
	work, err := os.MkdirTemp("", "fearless-test-")
	if err != nil {
		fmt.Fprintf(stderr, "fearless test: %v\n", err)
		return 2
	}
	defer os.RemoveAll(work)
	bins, err := buildTests(f, work, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "fearless test: %v\n", err)
		return 2
	}
	return runTests(f, bins, work, stdout, stderr)
}
