package rwlockproducer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	var updates []string
	last := map[string]int{}
	for _, l := range out.Lines() {
		var v int
		switch {
		case strings.HasPrefix(l, "Updated value: "):
			updates = append(updates, l)
		case strings.HasPrefix(l, "Read value squared: "):
			fmt.Sscanf(l, "Read value squared: %d", &v)
			if r := isqrt(v); r*r != v || r > Last || r < last["square"] {
				t.Fatalf("%q: not the square of a value read in order", l)
			} else {
				last["square"] = r
			}
		case strings.HasPrefix(l, "Read value: "):
			fmt.Sscanf(l, "Read value: %d", &v)
			if v > Last || v < last["id"] {
				t.Fatalf("%q: values read go backwards or past %d", l, Last)
			}
			last["id"] = v
		default:
			t.Fatalf("unexpected line %q", l)
		}
	}
	for i, l := range updates {
		if l != fmt.Sprintf("Updated value: %d", i+1) {
			t.Fatalf("updates %q", updates)
		}
	}
	if len(updates) != Last || last["id"] != Last || last["square"] != Last {
		t.Fatalf("did not run to %d:\n%s", Last, out.String())
	}
}

func isqrt(v int) int {
	r := 0
	for (r+1)*(r+1) <= v {
		r++
	}
	return r
}
