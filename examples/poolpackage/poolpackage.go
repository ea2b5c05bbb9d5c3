// Package poolpackage is the seeds' worker pool again, with package pool
// doing what the seed writes by hand: a fixed set of worker threads over one
// mpsc channel. Go queues a task, Submit queues one with a result and returns
// a JoinHandle, Close lets the queued work finish and waits for the workers
// (the seed's drop(tx) and joins). A panic in a task does not end its worker.
package poolpackage

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/pool"
	"github.com/fearlessgo/fearless/thread"
)

// Run queues ten tasks, one that panics and one with a result on a pool of
// four workers; the order of the task lines varies.
func Run(w io.Writer) {
	p := pool.NewWithOptions(4, pool.OnPanic(func(e *thread.PanicError) {
		fmt.Fprintf(w, "%s: a task panicked (%v); the worker goes on\n", e.Thread, e.Value)
	}))

	for i := range 10 {
		p.Go(func() {
			fmt.Fprintf(w, "%s: processing %d\n", thread.Current().Name(), i)
		})
	}
	p.Go(func() { panic("bad task") })

	square, _ := pool.Submit(p, func() int { return 12 * 12 })
	v, err := square.Join()
	fmt.Fprintf(w, "main: Submit's handle joined: %d, %v\n", v, err)

	p.Close()
	fmt.Fprintln(w, "main: Close returned: every queued task ran and the workers ended")
	fmt.Fprintf(w, "main: Go after Close: %v\n", p.Go(func() {}))
}
