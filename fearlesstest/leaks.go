package fearlesstest

import (
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
)

// NoLeaks fails the test if goroutines started after the call, fearless
// threads and pool workers included, are still running once the test and
// its cleanups registered after NoLeaks have ended. Goroutines that are
// ending are given time to go (up to 30 seconds, so that a pass never
// depends on timing); a test with no leak waits only for its own
// goroutines to exit. Call it first in the test, so that its check runs
// after the other cleanups (a pool's Close, say).
func NoLeaks(t testing.TB) {
	t.Helper()
	leak.CheckWithin(t, leakGrace)
}

// leakGrace is how long NoLeaks waits for goroutines to end; a variable for
// the tests of a leak, which fail after it whatever its length.
var leakGrace = leak.Grace
