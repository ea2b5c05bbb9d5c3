package thread

import (
	"os"
	"testing"
)

// mainAtStart is Current() as seen from the goroutine that runs main.
var mainAtStart *Thread

func TestMain(m *testing.M) {
	mainAtStart = Current()
	// Keep expected panics out of the test log; tests that check the
	// default hook install it again.
	SetPanicHook(func(*PanicError) {})
	os.Exit(m.Run())
}

// useHook makes hook the panic hook until the test ends.
func useHook(t testing.TB, hook func(*PanicError)) {
	prev := SetPanicHook(hook)
	t.Cleanup(func() { SetPanicHook(prev) })
}
