package pool

import (
	"os"
	"testing"

	"github.com/fearlessgo/fearless/thread"
)

func TestMain(m *testing.M) {
	// Tasks panic on purpose here; keep the log readable. Tests that check
	// the hook install their own.
	thread.SetPanicHook(func(*thread.PanicError) {})
	os.Exit(m.Run())
}
