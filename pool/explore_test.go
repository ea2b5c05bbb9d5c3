package pool_test

import (
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/pool"
)

// A run that fails while a worker waits for tasks is over: the explorer
// unwinds the worker, whose catcher of task panics must let that go (it
// served again, was unwound again, and the exploration never returned).
func TestExploredFailureWhileAWorkerWaits(t *testing.T) {
	leak.Check(t)
	r := model.Explore(func() {
		p := pool.New(1)
		h, _ := pool.Submit(p, func() int { return 1 })
		h.Join()
		panic("the function fails while the worker waits for tasks")
	})
	if r.Failure == nil || r.Failure.Kind != model.KindPanic {
		t.Fatalf("Explore = %+v, want the panic", r)
	}
}
