package thread

import (
	"testing"
	"testing/synctest"
	"time"
)

// TestBlockingIsDurable checks DESIGN.md's principle 4: a thread blocked in
// Park, Join or Sleep is durably blocked, so synctest.Wait returns (it
// would hang otherwise) and synctest's deadlock detection sees our threads.
func TestBlockingIsDurable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		parked := Go(Park)
		joiner := Go(func() { parked.Join() })
		sleeper := Go(func() { Sleep(time.Hour) })
		synctest.Wait()
		if parked.IsFinished() || joiner.IsFinished() || sleeper.IsFinished() {
			t.Fatal("a blocked thread finished")
		}
		parked.Thread().Unpark()
		joiner.Join()
		sleeper.Join() // the bubble's clock jumps an hour ahead
		Scope(func(s *ScopeHandle) int {
			h := s.Go(Park)
			synctest.Wait()
			h.Thread().Unpark()
			return 0
		})
	})
}

func TestSpawnChain(t *testing.T) {
	// Each thread spawns the next and returns its result plus one, the
	// shape of Rust's test_spawn_sched.
	var chain func(n int) int
	chain = func(n int) int {
		if n == 0 {
			return 0
		}
		v, err := Spawn(func() int { return chain(n - 1) }).Join()
		if err != nil {
			t.Fatal(err)
		}
		return v + 1
	}
	if got := chain(100); got != 100 {
		t.Fatalf("chain(100) = %d", got)
	}
}

func TestParkTimeoutUnparkedByOtherThread(t *testing.T) {
	done := make(chan struct{})
	h := Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			ParkTimeout(time.Hour)
		}
	})
	close(done)
	h.Thread().Unpark()
	h.Join()
}
