package boundedchannel

import (
	"fmt"
	"regexp"
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
	sender := regexp.MustCompile(`^ThreadId\(\d+\): (.*)$`)
	var sent, got []string
	for _, line := range lines {
		if m := sender.FindStringSubmatch(line); m != nil {
			sent = append(sent, m[1])
		} else {
			got = append(got, line)
		}
	}
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
	// The bound at work: Send of message i returns only once message i-3
	// was taken out, which the main thread does after printing that it got
	// message i-4. An unbounded channel gives no such order.
	for i := 5; i < 10; i++ {
		gotAt := slices.Index(lines, fmt.Sprintf("Main: got Message %d", i-4))
		sentAt := slices.IndexFunc(lines, func(l string) bool {
			m := sender.FindStringSubmatch(l)
			return m != nil && m[1] == fmt.Sprintf("sent Message %d", i)
		})
		if gotAt > sentAt {
			t.Fatalf("message %d reported sent before message %d was received:\n%s", i, i-4, out.String())
		}
	}
}
