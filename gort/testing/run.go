package testing

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strings"
	stdtesting "testing"
	"time"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
	"github.com/fearlessgo/fearless/model"
)

// ConfigEnv names the environment variable through which fearless test
// tells a test binary how to explore: a JSON Config. Without it, Run runs
// each test once, as go test would.
const ConfigEnv = gort.ConfigEnv

// Config is how fearless test asks a test binary to explore its tests.
type Config struct {
	Schedules int           // at most this many schedules per test
	Budget    time.Duration // at most this much wall time per test
	Seed      uint64        // of the randomised strategies
	Replay    string        // run exactly this schedule instead
	Early     bool          // timers may fire while others could run
	Out       string        // the file to append one Outcome line per test to
}

// config is the exploration asked for, taken out of the environment at
// start: a test that runs its own binary again (to watch it crash, say)
// starts it as go test would, not as another exploration.
var config = os.Getenv(ConfigEnv)

func init() { os.Unsetenv(ConfigEnv) }

// MaxSteps bounds one run of an explored test: at it, the run is a
// livelock, or is cut (see model.MaxSteps).
const MaxSteps = 1 << 20

// Outcome is what a test binary reports of one explored test.
type Outcome struct {
	Test         string
	Result       string // "pass", "fail" or "skip"
	Kind         string // of the failure
	Schedules    int
	Exhaustive   bool
	Schedule     string
	Report       string
	Outside      int      `json:",omitempty"`
	OutsideNotes []string `json:",omitempty"`
	Cut          int      `json:",omitempty"` // runs cut at the step limit, long rather than stuck
	Elapsed      float64  // seconds
}

// Run is what a rewritten package's TestX calls: it explores test when
// fearless test runs the binary, and runs it once otherwise.
func Run(t *stdtesting.T, test func(t *T)) {
	raw := config
	if raw == "" {
		test(&T{T: t})
		return
	}
	var cfg Config
	if err := json.Unmarshal([]byte(raw), &cfg); err != nil {
		t.Fatalf("fearless: bad %s: %v", ConfigEnv, err)
	}
	start := time.Now()
	skip := ""
	body := func() {
		// math/rand's global source starts each run the same way, so that
		// a replay draws the numbers the failing run drew (fearless test
		// sets GODEBUG=randseednop=0 for this).
		rand.Seed(int64(cfg.Seed)) //lint:ignore SA1019 the deprecated Seed is the only way to reset the global source
		if r := sched.ActiveRunner(); r != nil {
			r.Label("fearless test's driver: it runs " + t.Name() + ", then its cleanups")
		}
		st := &runState{helpers: map[string]bool{}}
		root := &T{T: t, run: st, name: t.Name()}
		root.runBody(test)
		if st.skip != "" {
			skip = st.skip
			if r := sched.ActiveRunner(); r != nil {
				r.Fail(KindSkip, st.skip)
			}
		}
	}
	var r model.Result
	if cfg.Replay != "" {
		r = model.Replay(cfg.Replay, body)
	} else {
		// A test is often longer than a model check: only a run a
		// thousand times longer than the explorer's default is a livelock.
		opts := []model.Option{model.Seed(cfg.Seed), model.MaxSteps(MaxSteps)}
		if cfg.Schedules > 0 {
			opts = append(opts, model.MaxSchedules(cfg.Schedules))
		}
		if cfg.Budget > 0 {
			opts = append(opts, model.Budget(cfg.Budget))
		}
		if !cfg.Early {
			opts = append(opts, model.Timers(model.TimersIdle))
		}
		r = model.Explore(body, opts...)
	}
	res := Outcome{Test: t.Name(), Result: "pass", Schedules: r.Schedules, Exhaustive: r.Exhaustive,
		Outside: r.Outside, OutsideNotes: r.OutsideNotes, Cut: r.Cut, Elapsed: time.Since(start).Seconds()}
	if f := r.Failure; f != nil {
		res.Kind, res.Schedule, res.Report = f.Kind, f.Schedule, trimReplay(f.Report)
		res.Result = "fail"
		switch f.Kind {
		case KindSkip:
			res.Result, res.Kind, res.Report = "skip", "", skip
		case model.KindNested:
			// A test of fearless's own explorer is no bug found, and
			// fearless test cannot run it: go test does.
			res.Result, res.Kind, res.Schedule = "skip", "", ""
			res.Report = t.Name() + " calls model.Explore or model.Replay, an explorer of its own, which fearless test does not run inside its explorer: go test runs it"
		case model.KindOutside:
			// Not a bug found: the explorer stopped where it lost control.
			// The test passes, not exhaustively, and says why.
			res.stoppedOutside(res.Report)
		case model.KindNondeterministic:
			if cfg.Replay == "" {
				// Neither: a test that draws on what the explorer does not
				// control cannot be explored further. A replay that does
				// not replay stays a failure: it is what was asked.
				first, _, _ := strings.Cut(res.Report, "\n")
				res.stoppedOutside("the test did not take the same steps when run again along a schedule, as it depends on something the explorer does not control (hash/maphash's seeds, the clock, the environment), so the search stopped there; " + first)
			}
		}
	}
	if err := appendResult(cfg.Out, res); err != nil {
		t.Fatalf("fearless: %v", err)
	}
}

// stoppedOutside makes r a pass that is not exhaustive, where the explorer
// stopped for the reason note gives.
func (r *Outcome) stoppedOutside(note string) {
	r.Result, r.Kind, r.Schedule, r.Report = "pass", "", "", ""
	r.Exhaustive = false
	r.Outside++
	r.OutsideNotes = append(r.OutsideNotes, note)
}

// trimReplay drops the model.Replay line the explorer ends a report with:
// fearless test gives its own.
func trimReplay(report string) string {
	if i := strings.LastIndex(report, "\nreplay: model.Replay("); i >= 0 {
		return report[:i+1]
	}
	return report
}

func appendResult(path string, r Outcome) error {
	line, err := json.Marshal(r)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("cannot write the result: %w", err)
	}
	_, err = f.Write(append(line, '\n'))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
