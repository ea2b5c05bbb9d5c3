package rendezvous

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
	if len(lines) != 9 {
		t.Fatalf("%d lines, want 9:\n%s", len(lines), out.String())
	}
	for i := 1; i <= 3; i++ {
		ready := slices.Index(lines, fmt.Sprintf("receiver: ready for %d", i))
		got := slices.Index(lines, fmt.Sprintf("receiver: got %d", i))
		taken := slices.Index(lines, fmt.Sprintf("sender: %d was taken", i))
		// The rendezvous: Send(i) returns only once the receiver came for
		// i. With a buffer the sender would run ahead.
		if ready < 0 || got < 0 || taken < 0 || taken < ready || got < ready {
			t.Fatalf("value %d out of step:\n%s", i, out.String())
		}
	}
}
