// Package leak fails a test that leaves goroutines behind.
//
// Check takes a snapshot of the running goroutines when called and, when the
// test ends, waits for every goroutine started since then to exit. Goroutines
// of tests that run in parallel with the checked test are counted as its own:
// call Check only in tests that do not call t.Parallel. Under a
// deterministic scheduler (fearless test runs this module's examples so)
// Check does nothing: the goroutines are the scheduler's, and it finds
// leaks itself.
package leak

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Grace is how long Check waits for goroutines to finish exiting: far longer
// than any test needs, so a pass never depends on timing.
const Grace = 30 * time.Second

// Check registers a cleanup on t that fails the test if goroutines started
// after the call are still running Grace after the test ended.
func Check(t testing.TB) {
	t.Helper()
	CheckWithin(t, Grace)
}

// CheckWithin is Check with a grace period of its own.
func CheckWithin(t testing.TB, grace time.Duration) {
	t.Helper()
	if sched.Installed() {
		return
	}
	before := snapshot()
	t.Cleanup(func() {
		deadline := time.Now().Add(grace)
		for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
			leaked := since(before)
			if len(leaked) == 0 {
				return
			}
			if time.Now().After(deadline) {
				t.Errorf("leak: %d goroutine(s) still running %v after the test:\n\n%s",
					len(leaked), grace, strings.Join(leaked, "\n\n"))
				return
			}
			runtime.Gosched()
			time.Sleep(wait)
		}
	})
}

// snapshot returns the ids of the goroutines running now.
func snapshot() map[string]bool {
	ids := map[string]bool{}
	for _, g := range goroutines() {
		ids[id(g)] = true
	}
	return ids
}

// since returns the traces of goroutines not in before, leaving out the
// runtime's and the test framework's own.
func since(before map[string]bool) []string {
	var out []string
	for _, g := range goroutines() {
		if before[id(g)] || ignored(g) {
			continue
		}
		out = append(out, g)
	}
	return out
}

func goroutines() []string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var out []string
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		if s := strings.TrimSpace(string(g)); s != "" {
			out = append(out, s)
		}
	}
	return out[1:] // the first is the calling goroutine
}

func id(trace string) string {
	header, _, _ := strings.Cut(trace, " [")
	return header
}

// ignored reports goroutines that belong to the runtime or the test
// framework rather than to the code under test.
func ignored(trace string) bool {
	for _, s := range []string{
		"created by testing.",
		"created by runtime.",
		"created by os/signal.",
		"runtime.goexit()\n\t", // a goroutine in its last instruction
	} {
		if strings.Contains(trace, s) {
			return true
		}
	}
	return false
}
