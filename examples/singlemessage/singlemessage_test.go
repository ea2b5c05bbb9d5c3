package singlemessage

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
	if got := out.String(); got != "Got: hi\n" {
		t.Fatalf("output %q", got)
	}
}

func Example() {
	Run(os.Stdout)
	// Output: Got: hi
}
