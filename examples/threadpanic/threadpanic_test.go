package threadpanic

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
	// (hook) thread '<unnamed>' panicked: something went wrong
	// main: the thread panicked with the message "something went wrong"
	// (hook) thread 'loader' panicked: loading: config not found
	// main: errors.Is(err, errNotFound) = true
	// main: still running
}
