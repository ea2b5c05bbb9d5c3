package movename

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
	// Hello from Alice
}
