package fearlesstest

import (
	"sync"
	"testing"

	"github.com/fearlessgo/fearless/shared"
)

// DetectDeadlocks turns on the deadlock detector of package shared (see
// [shared.DetectDeadlocks]) until the test ends, and then fails the test
// with a report of each lock-order cycle seen while it ran: locks taken in
// orders that can deadlock, even when this run was lucky and did not.
// While it is on, each lock operation costs more (see
// [shared.DetectDeadlocks]).
func DetectDeadlocks(t testing.TB) {
	t.Helper()
	var (
		mu      sync.Mutex
		reports []string
	)
	stop := shared.DetectDeadlocks(func(r *shared.DeadlockReport) {
		s := r.String()
		mu.Lock()
		reports = append(reports, s)
		mu.Unlock()
	})
	t.Cleanup(func() {
		stop()
		mu.Lock()
		defer mu.Unlock()
		for _, r := range reports {
			t.Errorf("fearlesstest: potential deadlock:\n%s", r)
		}
	})
}
