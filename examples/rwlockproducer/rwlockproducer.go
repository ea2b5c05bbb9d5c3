// Package rwlockproducer is the seeds' RwLock program with one producer and
// two consumers: the producer increases a value under the write lock while
// the consumers print it, and its square, under read locks. The two
// consumers read at the same time; neither ever sees a write in progress.
//
// The seeds' threads loop forever. Here the producer stops at 5 and each
// consumer stops once it has read 5, pausing a millisecond between rounds
// (as the seeds' imported sleep suggests) so the run stays short.
package rwlockproducer

import (
	"fmt"
	"io"
	"time"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Last is the value at which the producer stops.
const Last = 5

// Run prints the producer's updates and the consumers' reads, interleaved.
func Run(w io.Writer) {
	rwLock := shared.NewArc(shared.NewRwLock[uint32](0), nil)
	producerLock := rwLock.Clone()
	consumerIDLock := rwLock.Clone()
	consumerSquareLock := rwLock.Clone()

	producer := thread.Go(func() {
		defer producerLock.Drop()
		for range Last {
			// Write blocks until no reader holds the lock; the guard gives
			// the value, and Unlock lets the readers back in.
			// A guard that comes with ErrPoisoned holds the lock too.
			writeGuard, err := producerLock.Value().Write()
			if err == nil {
				*writeGuard.Get() += 1
				fmt.Fprintf(w, "Updated value: %d\n", *writeGuard.Get())
			}
			writeGuard.Unlock()
			thread.Sleep(time.Millisecond)
		}
	})

	// consume reads until it has seen the last value; show formats a read.
	consume := func(lock *shared.Arc[*shared.RwLock[uint32]], show func(uint32) string) func() {
		return func() {
			defer lock.Drop()
			for {
				// Read blocks only while the producer writes (or waits to).
				readGuard, err := lock.Value().Read()
				if err != nil {
					readGuard.Unlock() // poisoned: the guard holds the lock all the same
					return
				}
				value := *readGuard.Get()
				readGuard.Unlock()
				fmt.Fprintln(w, show(value))
				if value == Last {
					return
				}
				thread.Sleep(time.Millisecond)
			}
		}
	}
	consumerID := thread.Go(consume(consumerIDLock, func(v uint32) string {
		return fmt.Sprintf("Read value: %d", v)
	}))
	consumerSquare := thread.Go(consume(consumerSquareLock, func(v uint32) string {
		return fmt.Sprintf("Read value squared: %d", v*v)
	}))

	producer.Join()
	consumerID.Join()
	consumerSquare.Join()
	rwLock.Drop()
}
