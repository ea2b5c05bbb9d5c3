package movevector

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
	// Here's a vector: [1 2 3]
	// main's vector after the move: []
}
