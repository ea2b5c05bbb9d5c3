package multiplethreads

import (
	"slices"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	lines := out.Lines()
	if got := lines[len(lines)-1]; got != "Results: [0 1 4 9 16]" {
		t.Fatalf("last line = %q", got)
	}
	got := slices.Sorted(slices.Values(lines[:len(lines)-1]))
	want := []string{"Thread 0 running", "Thread 1 running", "Thread 2 running", "Thread 3 running", "Thread 4 running"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q", got)
	}
}
