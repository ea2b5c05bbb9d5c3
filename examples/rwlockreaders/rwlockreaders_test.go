package rwlockreaders

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
	if len(lines) != 5 || lines[4] != "Final: [1, 2, 3, 4]" {
		t.Fatalf("output:\n%s", out.String())
	}
	writer := slices.Index(lines, "Writer added 4")
	if writer < 0 {
		t.Fatalf("no writer line:\n%s", out.String())
	}
	for i := range 3 {
		before := fmt.Sprintf("Reader %d: [1, 2, 3]", i)
		after := fmt.Sprintf("Reader %d: [1, 2, 3, 4]", i)
		at := slices.IndexFunc(lines, func(l string) bool { return l == before || l == after })
		switch {
		case at < 0:
			t.Fatalf("no line for reader %d:\n%s", i, out.String())
		case strings.HasSuffix(lines[at], "4]") != (at > writer):
			// A reader that printed after the writer saw its 4, and only then.
			t.Fatalf("reader %d saw the wrong vector for its place:\n%s", i, out.String())
		}
	}
}
