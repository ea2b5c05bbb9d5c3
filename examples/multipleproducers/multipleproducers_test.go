package multipleproducers

import (
	"os"
	"slices"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	got := slices.Sorted(slices.Values(out.Lines()))
	want := []string{"Got: message from thread 0", "Got: message from thread 1", "Got: message from thread 2"}
	if !slices.Equal(got, want) {
		t.Fatalf("lines %q, want (any order) %q", got, want)
	}
}

func Example() {
	Run(os.Stdout)
	// Unordered output:
	// Got: message from thread 0
	// Got: message from thread 1
	// Got: message from thread 2
}
