// Package threadsafecounter solves the seeds' third exercise: a counter
// that many threads increment and read safely, with Increment and Get. Two
// answers: one guards an int with shared.Mutex (Rust's Arc<Mutex<i64>>), the
// other is a single atomic (Rust's AtomicI64), which is all a counter needs.
package threadsafecounter

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// A Counter can be incremented and read from any number of threads.
type Counter interface {
	Increment()
	Get() int64
}

// MutexCounter keeps its count inside a Mutex: the count can only be
// reached with the lock held.
type MutexCounter struct {
	n *shared.Mutex[int64]
}

// NewMutexCounter returns a counter at zero.
func NewMutexCounter() *MutexCounter { return &MutexCounter{n: shared.NewMutex[int64](0)} }

// Increment adds one.
func (c *MutexCounter) Increment() { c.n.With(func(n *int64) { *n++ }) }

// Get returns the count.
func (c *MutexCounter) Get() int64 {
	n, _ := c.n.Load() // Increment cannot panic, so the lock is never poisoned
	return n
}

// AtomicCounter is a lock-free counter. Its zero value is ready to use.
type AtomicCounter struct {
	n shared.AtomicInt64
}

// Increment adds one.
func (c *AtomicCounter) Increment() { c.n.Add(1, shared.Relaxed) }

// Get returns the count. Relaxed is enough: a counter orders nothing else,
// and Join already makes the threads' increments visible.
func (c *AtomicCounter) Get() int64 { return c.n.Load(shared.Relaxed) }

// Hammer increments c perThread times from each of threads threads and
// returns when all have finished.
func Hammer(c Counter, threads, perThread int) {
	handles := make([]*thread.JoinHandle[struct{}], threads)
	for i := range handles {
		handles[i] = thread.Go(func() {
			for range perThread {
				c.Increment()
			}
		})
	}
	for _, h := range handles {
		h.Join()
	}
}

// Run has 10 threads increment each counter 1,000 times.
func Run(w io.Writer) {
	for _, c := range []struct {
		name    string
		counter Counter
	}{
		{"Mutex", NewMutexCounter()},
		{"atomic", &AtomicCounter{}},
	} {
		Hammer(c.counter, 10, 1000)
		fmt.Fprintf(w, "%s counter: %d\n", c.name, c.counter.Get())
	}
}
