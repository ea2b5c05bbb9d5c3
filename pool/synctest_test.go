package pool

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// Idle workers, a Go blocked on a full queue and Close waiting for them are
// durably blocked: synctest.Wait returns while they wait, and the bubble
// ends cleanly once the pool is closed.
func TestDurablyBlockedInSynctest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := NewWithOptions(2, QueueSize(1))
		gate := make(chan struct{})
		var ran atomic.Int32
		for range 2 {
			p.Go(func() { <-gate; ran.Add(1) })
		}
		synctest.Wait() // both workers hold a gated task
		p.Go(func() { ran.Add(1) })
		blocked := make(chan error)
		go func() { blocked <- p.Go(func() { ran.Add(1) }) }()
		synctest.Wait() // that Go waits for room, durably
		close(gate)
		if err := <-blocked; err != nil {
			t.Fatal(err)
		}
		p.Close()
		if n := ran.Load(); n != 4 {
			t.Fatalf("%d of 4 tasks ran", n)
		}
	})
}

func TestContextCancelInSynctest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		p := NewWithOptions(2, Context(ctx))
		synctest.Wait() // workers wait for work
		cancel()
		synctest.Wait() // and end on their own
		if err := p.Go(func() {}); !errors.Is(err, ErrClosed) {
			t.Fatalf("Go after cancel = %v", err)
		}
		p.Close()
	})
}
