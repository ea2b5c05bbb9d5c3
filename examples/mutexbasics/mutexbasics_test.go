package mutexbasics

import (
	"os"
	"testing"

	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	var out testout.Buffer
	Run(&out)
	if got := out.String(); got != "m = Mutex { data: 6 }\n" {
		t.Fatalf("output %q", got)
	}
}

func Example() {
	Run(os.Stdout)
	// Output: m = Mutex { data: 6 }
}
