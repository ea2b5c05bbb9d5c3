package main

import (
	"strings"
	"testing"
)

// The tour's fearless test chapter runs fearless test on a plain-Go module
// and replays what it found.
func TestTourFearlessTestChapter(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module twice")
	}
	var out, errs strings.Builder
	if code := run([]string{"tour", "fearless-test-deadlock"}, &out, &errs); code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, errs.String())
	}
	s := out.String()
	for _, want := range []string{
		"$ fearless test -budget 5s .\n--- FAIL: TestLockOrder (",
		"deadlock: no thread can go on",
		"waits in Mutex.Lock on sync.Mutex",
		"(started at deadlock/deadlock_test.go:15)",
		"(started at deadlock/deadlock_test.go:22)",
		"replay: fearless test -run '^TestLockOrder$' -replay '",
		"$ fearless test -run '^TestLockOrder$' -replay '",
		"the replay gives the same deadlock, with the same report: true",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}
