package spawnjoin

import (
	"fmt"
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
	var want []string
	for i := 1; i < 10; i++ {
		want = append(want, fmt.Sprintf("hi number %d from the spawned thread!", i))
	}
	for i := 1; i < 5; i++ {
		want = append(want, fmt.Sprintf("hi number %d from the main thread!", i))
	}
	if lines[len(lines)-1] != "All done" {
		t.Fatalf("last line = %q, want All done", lines[len(lines)-1])
	}
	got := slices.Sorted(slices.Values(lines[:len(lines)-1]))
	if slices.Sort(want); !slices.Equal(got, want) {
		t.Fatalf("lines = %q\nwant (any order) %q", got, want)
	}
}
