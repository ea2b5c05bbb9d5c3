package builder

import (
	"os"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	Example()
}

func Example() {
	Run(os.Stdout)
	// Output:
	// Running on thread: worker-1
	// A negative stack size is an error: thread: invalid builder: stack size -1 is negative
}
