package arcmutexcounter

import (
	"os"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	if got := out.String(); got != "Result: 10\n" {
		t.Fatalf("output %q", got)
	}
}

func Example() {
	Run(os.Stdout)
	// Output: Result: 10
}
