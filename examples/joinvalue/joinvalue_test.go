package joinvalue

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
	// Unordered output:
	// Hello from spawned thread
	// Hello from second spawned thread
	// Hello from the main thread
	// Second spawned thread returned 17
}
