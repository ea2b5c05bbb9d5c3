package poolpackage

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
	if len(lines) != 14 {
		t.Fatalf("%d lines, want 14:\n%s", len(lines), out.String())
	}
	tail := []string{
		"main: Close returned: every queued task ran and the workers ended",
		"main: Go after Close: pool: closed",
	}
	if !slices.Equal(lines[12:], tail) {
		t.Fatalf("last lines = %q, want %q", lines[12:], tail)
	}
	var tasks []string
	panicked, joined := 0, 0
	for _, line := range lines[:12] {
		worker, rest, ok := strings.Cut(line, ": ")
		switch {
		case line == "main: Submit's handle joined: 144, <nil>":
			joined++
		case !ok || !strings.HasPrefix(worker, "pool-worker-") || len(worker) != len("pool-worker-0"):
			t.Errorf("line %q does not come from a worker", line)
		case rest == "a task panicked (bad task); the worker goes on":
			panicked++
		default:
			tasks = append(tasks, rest)
		}
	}
	var want []string
	for i := range 10 {
		want = append(want, fmt.Sprintf("processing %d", i))
	}
	if slices.Sort(tasks); !slices.Equal(tasks, want) || panicked != 1 || joined != 1 {
		t.Fatalf("task lines %q, %d panics, %d joins\n%s", tasks, panicked, joined, out.String())
	}
}
