package plaindeadlock

import (
	"strings"
	"testing"
)

// Without fearless test linked in, Run shows the program and says how to
// run it; cmd/fearless's tour test runs it with fearless test.
func TestRunWithoutCommand(t *testing.T) {
	var out strings.Builder
	Run(&out)
	for _, want := range []string{"func TestLockOrder(t *testing.T) {", "go run ./cmd/fearless tour fearless-test-deadlock"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
