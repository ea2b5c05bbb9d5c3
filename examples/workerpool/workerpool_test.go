package workerpool

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	processed := map[int]int{}
	shutDown := map[int]bool{}
	for _, line := range out.Lines() {
		m := lineRE.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("unexpected line %q", line)
			continue
		}
		id, _ := strconv.Atoi(m[1])
		if shutDown[id] {
			t.Errorf("worker %d printed %q after shutting down", id, line)
		}
		if m[2] == "" {
			shutDown[id] = true
			continue
		}
		n, _ := strconv.Atoi(m[2])
		processed[n]++
	}
	for n := range 10 {
		if processed[n] != 1 {
			t.Errorf("%d processed %d times", n, processed[n])
		}
	}
	for id := range 4 {
		if !shutDown[id] {
			t.Errorf("worker %d never shut down", id)
		}
	}
	if len(out.Lines()) != 14 {
		t.Errorf("%d lines, want 14:\n%s", len(out.Lines()), out.String())
	}
}

var lineRE = regexp.MustCompile(`^Worker ([0-3]): (?:processing (\d)|shutting down)$`)
