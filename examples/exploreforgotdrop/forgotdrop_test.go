package exploreforgotdrop

import (
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	s := out.String()
	for _, want := range []string{
		"model.Explore found a deadlock after 1 schedule(s)",
		"thread 0 (main: the function under test) waits in mpsc.Recv",
		"exploreforgotdrop.Forgot()",
		"thread 1 has ended",
		"tx.Close() before the loop: no failure in ",
		"(exhaustive: true)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}
