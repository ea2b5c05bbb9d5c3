package pool_test

import (
	"fmt"
	"sync/atomic"

	"github.com/fearlessgo/fearless/pool"
)

// New starts the workers; Close waits for what was queued.
func ExampleNew() {
	p := pool.New(2)
	fmt.Println(p.Workers())
	p.Close()
	// Output: 2
}

// Go queues a task with no result; a panic in it is reported and the
// worker goes on.
func ExamplePool_Go() {
	p := pool.New(4)
	var done atomic.Int32
	for range 10 {
		if err := p.Go(func() { done.Add(1) }); err != nil {
			fmt.Println(err)
		}
	}
	p.Close()
	fmt.Println(done.Load(), "tasks ran")
	// Output: 10 tasks ran
}
