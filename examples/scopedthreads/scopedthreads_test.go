package scopedthreads

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
	// Length: 5
	// s is still ours after the scope: "Hello"
}
