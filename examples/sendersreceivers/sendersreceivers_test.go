package sendersreceivers

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
	want := "Received: 10, err <nil>\nReceived: 20, err <nil>\nReceived: 30, err <nil>\n"
	if got := out.String(); got != want {
		t.Fatalf("output %q, want %q", got, want)
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// Received: 10, err <nil>
	// Received: 20, err <nil>
	// Received: 30, err <nil>
}
