package deadlock

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
	want := []*regexp.Regexp{
		regexp.MustCompile(`^potential deadlock: 2 locks taken in a cycle$`),
		regexp.MustCompile(`^  took lock_b while holding lock_a, at deadlock\.go:\d+ \(deadlock\.Run\.func\d+\)$`),
		regexp.MustCompile(`^  took lock_a while holding lock_b, at deadlock\.go:\d+ \(deadlock\.Run\.func\d+\)$`),
		regexp.MustCompile(`^both threads finished: no deadlock on this run, and the cycle was reported anyway$`),
	}
	if len(lines) != len(want) {
		t.Fatalf("output:\n%s", out.String())
	}
	for i, re := range want {
		if !re.MatchString(lines[i]) {
			t.Fatalf("line %d = %q, want %v\n%s", i, lines[i], re, out.String())
		}
	}
}
