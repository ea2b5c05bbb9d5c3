package forgotdrop

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
	want := "got 3 messages, then waited 50ms for more: rx.Iter() would block forever\n" +
		"after tx.Close(): mpsc: channel disconnected, so the loop ends\n"
	if got := out.String(); got != want {
		t.Fatalf("output %q, want %q", got, want)
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// got 3 messages, then waited 50ms for more: rx.Iter() would block forever
	// after tx.Close(): mpsc: channel disconnected, so the loop ends
}
