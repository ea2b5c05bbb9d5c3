package fearlesstest

import (
	"sync"
	"testing"

	"github.com/fearlessgo/fearless/thread"
)

// QuietPanics makes the panic hook (see [thread.SetPanicHook]) record each
// panic instead of printing it, until the test ends, when the previous hook
// is restored. If the test failed, the recorded panics are logged with it.
// Join, pool and par calls still return the panics as usual.
func QuietPanics(t testing.TB) {
	t.Helper()
	var (
		mu   sync.Mutex
		seen []*thread.PanicError
	)
	prev := thread.SetPanicHook(func(e *thread.PanicError) {
		mu.Lock()
		seen = append(seen, e)
		mu.Unlock()
	})
	t.Cleanup(func() {
		thread.SetPanicHook(prev)
		mu.Lock()
		defer mu.Unlock()
		if t.Failed() {
			for _, e := range seen {
				t.Logf("fearlesstest: a quieted panic: %v\n%s", e, e.Stack)
			}
		}
	})
}
