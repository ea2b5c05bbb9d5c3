package tryrecv

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
	want := "Nothing yet\nTimed out\nGot: hello\nChannel closed\n"
	if got := out.String(); got != want {
		t.Fatalf("output %q, want %q", got, want)
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// Nothing yet
	// Timed out
	// Got: hello
	// Channel closed
}
