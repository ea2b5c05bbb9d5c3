// Package workerpool is the seeds' worker pool: four worker threads share
// one receiver, each takes numbers from it until the channel disconnects,
// which happens when main closes the only sender (Rust's drop(tx)).
//
// Rust has to wrap the receiver as Arc<Mutex<Receiver>>, because its
// Receiver may not be shared between threads. A fearless Receiver is safe to
// call from several goroutines at once, each value going to exactly one of
// them, so the workers share it as it is.
package workerpool

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Run sends ten numbers to four workers; which worker gets which number,
// and the order of the lines, vary from run to run.
func Run(w io.Writer) {
	tx, rx := mpsc.Channel[int]()

	var workers []*thread.JoinHandle[struct{}]
	for id := range 4 {
		workers = append(workers, thread.Go(func() {
			for {
				n, err := rx.Recv()
				if err != nil { // every sender closed and nothing left
					fmt.Fprintf(w, "Worker %d: shutting down\n", id)
					return
				}
				fmt.Fprintf(w, "Worker %d: processing %d\n", id, n)
			}
		}))
	}

	for i := range 10 {
		tx.Send(i)
	}
	tx.Close() // drop(tx): the workers' Recv returns ErrDisconnected once the queue is empty

	for _, worker := range workers {
		worker.Join()
	}
}
