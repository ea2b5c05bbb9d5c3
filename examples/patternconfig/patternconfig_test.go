package patternconfig

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	lines := out.Lines()
	if len(lines) != 8 {
		t.Fatalf("%d lines, want 8:\n%s", len(lines), out.String())
	}
	tail := []string{"main: threads done, strong count = 1", "last handle dropped: config released"}
	if !slices.Equal(lines[6:], tail) {
		t.Fatalf("last lines %q, want %q", lines[6:], tail)
	}
	// Each thread prints its two lines in order; threads interleave.
	for i := range 3 {
		prefix := fmt.Sprintf("Thread %d: ", i)
		var mine []string
		for _, l := range lines[:6] {
			if strings.HasPrefix(l, prefix) {
				mine = append(mine, strings.TrimPrefix(l, prefix))
			}
		}
		want := []string{"connecting to postgres://localhost/mydb", "max retries = 3"}
		if !slices.Equal(mine, want) {
			t.Errorf("thread %d printed %q, want %q", i, mine, want)
		}
	}
}
