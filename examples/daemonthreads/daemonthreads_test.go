package daemonthreads

import (
	"os"
	"slices"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

// Main takes four counts; the thread gets to the fifth and stops.
func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	got := slices.Sorted(slices.Values(out.Lines()))
	want := []string{
		"Count in thread: 1!", "Count in thread: 2!", "Count in thread: 3!", "Count in thread: 4!", "Count in thread: 5!",
		"Main thread: 1", "Main thread: 2", "Main thread: 3", "Main thread: 4",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("lines %q, want (any order) %q", got, want)
	}
}

func Example() {
	Run(os.Stdout)
	// Unordered output:
	// Count in thread: 1!
	// Main thread: 1
	// Count in thread: 2!
	// Main thread: 2
	// Count in thread: 3!
	// Main thread: 3
	// Count in thread: 4!
	// Main thread: 4
	// Count in thread: 5!
}
