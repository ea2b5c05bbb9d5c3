package arcvector

import (
	"regexp"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	lines := out.Lines()
	if len(lines) != 5 || lines[4] != "v: [10, 20, 30]" {
		t.Fatalf("output:\n%s", out.String())
	}
	line := regexp.MustCompile(`^ThreadId\((\d+)\): \[10, 20, 30\]$`)
	ids := map[string]bool{}
	for _, l := range lines[:4] {
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("line %q", l)
		}
		ids[m[1]] = true
	}
	if len(ids) != 4 {
		t.Fatalf("thread ids are not distinct:\n%s", out.String())
	}
}
