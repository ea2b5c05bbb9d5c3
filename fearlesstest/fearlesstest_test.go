package fearlesstest

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// fakeT records what a helper reports instead of failing the real test.
type fakeT struct {
	testing.TB // the real test, for what fakeT does not override
	mu         sync.Mutex
	errors     []string
	logs       []string
	cleanups   []func()
}

func (f *fakeT) Helper() {}

func (f *fakeT) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeT) Logf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}

func (f *fakeT) Failed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.errors) > 0
}

func (f *fakeT) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }

// end runs the cleanups, last registered first, as the testing package does.
func (f *fakeT) end() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
}

func TestQuietPanicsRecordsAndRestores(t *testing.T) {
	var outer []string
	prev := thread.SetPanicHook(func(e *thread.PanicError) { outer = append(outer, e.Thread) })
	defer func() { thread.SetPanicHook(prev) }()

	for _, fail := range []bool{false, true} {
		f := &fakeT{TB: t}
		QuietPanics(f)
		h, err := thread.SpawnWith(thread.NewBuilder().Name("quiet"), func() int { panic("on purpose") })
		if err != nil {
			t.Fatal(err)
		}
		h.Join() // the hook has run when Join returns
		if fail {
			f.Errorf("the test failed")
		}
		f.end()
		if len(outer) != 0 {
			t.Fatalf("the previous hook saw %v while QuietPanics was on", outer)
		}
		logged := strings.Join(f.logs, "\n")
		if fail != strings.Contains(logged, "thread 'quiet' panicked: on purpose") {
			t.Errorf("failed test = %v, logs %q", fail, logged)
		}
	}
	h := thread.Spawn(func() int { panic("after") })
	h.Join()
	if len(outer) != 1 {
		t.Fatalf("the previous hook was not restored: it saw %v", outer)
	}
}

func TestDetectDeadlocksFailsOnLockOrderCycle(t *testing.T) {
	f := &fakeT{TB: t}
	DetectDeadlocks(f)
	a, b := shared.NewMutex(0), shared.NewMutex(0)
	lockBoth := func(x, y *shared.Mutex[int]) {
		gx, _ := x.Lock()
		gy, _ := y.Lock()
		gy.Unlock()
		gx.Unlock()
	}
	lockBoth(a, b)
	thread.Go(func() { lockBoth(b, a) }).Join() // no deadlock this time
	f.end()
	if len(f.errors) != 1 || !strings.Contains(f.errors[0], "potential deadlock") {
		t.Fatalf("errors %q, want one potential deadlock", f.errors)
	}

	// Once the test ended, detection is off: no report, no failure.
	g := &fakeT{TB: t}
	DetectDeadlocks(g)
	lockBoth(a, b)
	g.end()
	lockBoth(b, a)
	if len(g.errors) != 0 {
		t.Fatalf("errors %q without a cycle", g.errors)
	}
}

func TestNoLeaks(t *testing.T) {
	f := &fakeT{TB: t}
	NoLeaks(f)
	done := make(chan struct{})
	h := thread.Go(func() { <-done })
	close(done)
	h.Join()
	f.end()
	if len(f.errors) != 0 {
		t.Fatalf("errors %q for a thread that ended", f.errors)
	}

	defer func(g time.Duration) { leakGrace = g }(leakGrace)
	leakGrace = 10 * time.Millisecond // the thread below never ends: any grace fails
	g := &fakeT{TB: t}
	NoLeaks(g)
	never := make(chan struct{})
	defer close(never)
	thread.Go(func() { <-never })
	g.end()
	if len(g.errors) != 1 || !strings.Contains(g.errors[0], "1 goroutine(s) still running") {
		t.Fatalf("errors %q, want the leaked thread", g.errors)
	}
}

func TestExplorePasses(t *testing.T) {
	Explore(t, func(t *testing.T) {
		c := shared.NewMutex(0)
		h := thread.Go(func() { c.With(func(v *int) { *v++ }) })
		c.With(func(v *int) { *v++ })
		h.Join()
		if v, _ := c.Load(); v != 2 {
			t.Errorf("counter = %d, want 2", v)
		}
	})
}

// exploreChild is set in the child process that TestExploreFailsTheSchedule
// starts, to run the failing test there.
const exploreChild = "FEARLESSTEST_EXPLORE_CHILD"

func TestExploreFailsTheSchedule(t *testing.T) {
	if os.Getenv(exploreChild) != "" {
		// A lost update: the explorer finds the schedule where both threads
		// read 0, and t.Errorf in f fails that schedule.
		Explore(t, func(t *testing.T) {
			var n shared.AtomicInt64
			h := thread.Go(func() { n.Store(n.Load(shared.SeqCst)+1, shared.SeqCst) })
			n.Store(n.Load(shared.SeqCst)+1, shared.SeqCst)
			h.Join()
			if v := n.Load(shared.SeqCst); v != 2 {
				t.Errorf("n = %d, want 2", v)
			}
		})
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestExploreFailsTheSchedule$", "-test.count=1")
	cmd.Env = append(os.Environ(), exploreChild+"=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the child test passed:\n%s", out)
	}
	for _, want := range []string{"n = 1, want 2", "the test failed in this schedule", "model.Replay"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the child's output lacks %q:\n%s", want, out)
		}
	}
}
