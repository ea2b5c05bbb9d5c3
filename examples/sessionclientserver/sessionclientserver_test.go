package sessionclientserver

import (
	"os"
	"slices"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	for range 20 { // the order must hold every time, not just usually
		var out testout.Buffer
		Run(&out)
		want := []string{
			"The client just sent the number 42!",
			"The server received some data: 42",
		}
		if got := out.Lines(); !slices.Equal(got, want) {
			t.Fatalf("printed %q, want %q in that order", got, want)
		}
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// The client just sent the number 42!
	// The server received some data: 42
}
