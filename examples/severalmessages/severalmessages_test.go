package severalmessages

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
	want := "Got: hi\nGot: from\nGot: the\nGot: thread\nChannel closed\n"
	if got := out.String(); got != want {
		t.Fatalf("output %q, want %q", got, want)
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// Got: hi
	// Got: from
	// Got: the
	// Got: thread
	// Channel closed
}
