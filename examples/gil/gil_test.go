package gil

import (
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
	"github.com/fearlessgo/fearless/thread"
)

func TestTotals(t *testing.T) {
	leak.Check(t)
	totals, _ := Totals(4, thread.NewBuilder().LockOSThread())
	for _, got := range totals {
		if want := N * (N - 1) / 2; got != want {
			t.Fatalf("total %d, want %d", got, want)
		}
	}
}

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	lines := out.Lines()
	if len(lines) != 7 || !strings.HasPrefix(lines[0], "M:N goroutines, 1 thread:  total 49999995000000 in ") ||
		!strings.HasPrefix(lines[4], "1:1 OS threads, 4 threads: totals [49999995000000 49999995000000 49999995000000 49999995000000] in ") {
		t.Fatalf("output:\n%s", out.String())
	}
}
