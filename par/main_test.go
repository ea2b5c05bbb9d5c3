package par

import (
	"os"
	"testing"

	"github.com/fearlessgo/fearless/thread"
)

func TestMain(m *testing.M) {
	// Tests that panic on purpose inside threads keep the log clean.
	thread.SetPanicHook(func(*thread.PanicError) {})
	os.Exit(m.Run())
}
