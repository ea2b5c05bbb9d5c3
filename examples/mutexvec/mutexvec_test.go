package mutexvec

import (
	"os"
	"testing"

	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	var out testout.Buffer
	Run(&out)
	if got := out.String(); got != "v: [10, 20, 30]\nv: [10, 20, 30, 40]\n" {
		t.Fatalf("output %q", got)
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// v: [10, 20, 30]
	// v: [10, 20, 30, 40]
}
