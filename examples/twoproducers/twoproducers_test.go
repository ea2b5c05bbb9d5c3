package twoproducers

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

// Every message arrives once, and each thread's in the order it sent them.
func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	var got []string
	for _, l := range out.Lines() {
		got = append(got, strings.TrimPrefix(l, "Got: "))
	}
	for _, sent := range [][]string{{"hi", "from", "the", "thread"}, {"more", "messages", "for", "you"}} {
		var seen []string
		for _, m := range got {
			if slices.Contains(sent, m) {
				seen = append(seen, m)
			}
		}
		if !slices.Equal(seen, sent) {
			t.Errorf("received %q of %q, want all, in order; all lines: %q", seen, sent, got)
		}
	}
	if len(got) != 8 {
		t.Errorf("%d lines, want 8: %q", len(got), got)
	}
}

func Example() {
	Run(os.Stdout)
	// Unordered output:
	// Got: hi
	// Got: from
	// Got: the
	// Got: thread
	// Got: more
	// Got: messages
	// Got: for
	// Got: you
}
