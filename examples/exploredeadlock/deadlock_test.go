package exploredeadlock

import (
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	s := out.String()
	for _, want := range []string{
		"model.Explore found a deadlock after ",
		"deadlock: no thread can go on, 3 of 3 blocked forever",
		"thread 1 waits in shared.Mutex.Lock on lock_b (Mutex[int] made at deadlock.go:",
		"thread 2 waits in shared.Mutex.Lock on lock_a (Mutex[int] made at deadlock.go:",
		"exploredeadlock.Deadlock.func1",
		"exploredeadlock.Deadlock.func2",
		"gives the same deadlock: true",
		"one lock order for everyone: no failure in ",
		"(exhaustive: true)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}
