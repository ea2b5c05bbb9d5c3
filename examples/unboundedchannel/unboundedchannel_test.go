package unboundedchannel

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	sender := regexp.MustCompile(`^ThreadId\(\d+\): (.*)$`)
	var sent, got []string
	for _, line := range out.Lines() {
		if m := sender.FindStringSubmatch(line); m != nil {
			sent = append(sent, m[1])
		} else {
			got = append(got, line)
		}
	}
	// Each side's lines come in its own order; how they interleave varies.
	for i := 1; i < 10; i++ {
		if want := fmt.Sprintf("sent Message %d", i); sent[i-1] != want {
			t.Fatalf("sender line %d = %q, want %q", i, sent[i-1], want)
		}
		if want := fmt.Sprintf("Main: got Message %d", i); got[i-1] != want {
			t.Fatalf("main line %d = %q, want %q", i, got[i-1], want)
		}
	}
	if len(sent) != 10 || sent[9] != "done" || len(got) != 9 {
		t.Fatalf("sender lines %q, main lines %q", sent, got)
	}
}
