package pool_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/fearlessgo/fearless/pool"
)

func Example() {
	p := pool.New(4)
	var total atomic.Int64
	for i := 1; i <= 100; i++ {
		p.Go(func() { total.Add(int64(i)) })
	}
	p.Close() // runs everything queued, then returns
	fmt.Println(total.Load())
	fmt.Println(p.Go(func() {}))
	// Output:
	// 5050
	// pool: closed
}

func ExampleSubmit() {
	p := pool.New(2)
	defer p.Close()
	square, _ := pool.Submit(p, func() int { return 7 * 7 })
	broken, _ := pool.Submit(p, func() int { panic("out of range") })

	fmt.Println(square.Join())
	_, err := broken.Join()
	fmt.Println(err)
	// Output:
	// 49 <nil>
	// thread '<unnamed>' panicked: out of range
}

func ExampleQueueSize() {
	// At most 8 tasks wait: Go blocks while the workers are behind.
	p := pool.NewWithOptions(2, pool.QueueSize(8))
	var done atomic.Int64
	for range 1000 {
		p.Go(func() { done.Add(1) })
	}
	p.Close()
	fmt.Println(done.Load())
	// Output: 1000
}

func ExampleFailWhenFull() {
	p := pool.NewWithOptions(1, pool.QueueSize(1), pool.FailWhenFull())
	defer p.Close()
	gate, started := make(chan struct{}), make(chan struct{})
	p.Go(func() { close(started); <-gate })
	<-started // the only worker is busy, the queue is empty

	fmt.Println(p.Go(func() {})) // fills the queue
	err := p.Go(func() {})
	fmt.Println(err, errors.Is(err, pool.ErrFull))
	close(gate)
	// Output:
	// <nil>
	// pool: queue full true
}

func ExampleContext() {
	ctx, cancel := context.WithCancel(context.Background())
	p := pool.NewWithOptions(2, pool.Context(ctx))
	defer p.Close()
	cancel()
	_, err := pool.Submit(p, func() int { return 1 })
	fmt.Println(errors.Is(err, pool.ErrClosed), errors.Is(err, context.Canceled))
	// Output: true true
}
