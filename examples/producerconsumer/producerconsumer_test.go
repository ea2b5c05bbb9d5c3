package producerconsumer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	var want strings.Builder
	for i := range 10 {
		fmt.Fprintf(&want, "Received %d\n", i)
	}
	if got := out.String(); got != want.String() {
		t.Fatalf("output %q, want %q", got, want.String())
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// Received 0
	// Received 1
	// Received 2
	// Received 3
	// Received 4
	// Received 5
	// Received 6
	// Received 7
	// Received 8
	// Received 9
}
