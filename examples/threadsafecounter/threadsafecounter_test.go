package threadsafecounter

import (
	"os"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	if got, want := out.String(), "Mutex counter: 10000\natomic counter: 10000\n"; got != want {
		t.Fatalf("Run printed %q, want %q", got, want)
	}
}

func TestCountersUnderLoad(t *testing.T) {
	leak.Check(t)
	for _, c := range []Counter{NewMutexCounter(), &AtomicCounter{}} {
		Hammer(c, 16, 5000)
		if got := c.Get(); got != 80_000 {
			t.Fatalf("%T counted %d, want 80000", c, got)
		}
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// Mutex counter: 10000
	// atomic counter: 10000
}
