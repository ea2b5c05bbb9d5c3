package mpsc_test

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

// TestGiveTimeoutRace: a send that finds a receiver blocked on an empty
// buffer gives it the value directly. Receivers whose timeouts are short
// enough to fire while that happens, on one Recv or on a Select over two
// channels, must get every value exactly once: a value given to a receive
// that then reports a timeout would be lost.
func TestGiveTimeoutRace(t *testing.T) {
	leak.Check(t)
	const senders, perSender, receivers = 4, 3000, 3
	for _, bound := range []int{1, 4} {
		txA, rxA := mpsc.SyncChannel[int](bound)
		txB, rxB := mpsc.SyncChannel[int](bound)
		var wg sync.WaitGroup
		for p := range senders {
			tx := txA.Clone()
			if p%2 == 1 {
				tx = txB.Clone()
			}
			wg.Go(func() {
				defer tx.Close()
				for i := range perSender {
					check(tx.Send(p*perSender + i))
				}
			})
		}
		txA.Close()
		txB.Close()
		got := make([]atomic.Int32, senders*perSender)
		var total atomic.Int64
		for k := range receivers {
			wg.Go(func() {
				var onA, onB = rxA, rxB
				for i := 0; onA != nil || onB != nil; i++ {
					d := time.Duration(i%3) * time.Microsecond
					var v int
					var err error
					if k == 0 && onA != nil {
						v, err = onA.RecvTimeout(d) // one receiver on A only, until it ends
						if errors.Is(err, mpsc.ErrDisconnected) {
							onA = nil
							continue
						}
					} else {
						which := -1
						cases := []mpsc.SelectCase{
							mpsc.Case(onA, func(x int, e error) { v, err, which = x, e, 0 }),
							mpsc.Case(onB, func(x int, e error) { v, err, which = x, e, 1 }),
						}
						if _, terr := mpsc.SelectTimeout(d, cases...); terr != nil {
							err = terr
						} else if errors.Is(err, mpsc.ErrDisconnected) {
							if which == 0 {
								onA = nil
							} else {
								onB = nil
							}
							continue
						}
					}
					switch {
					case err == nil:
						got[v].Add(1)
						total.Add(1)
					case errors.Is(err, mpsc.ErrTimeout):
					default:
						panic(err)
					}
				}
			})
		}
		wg.Wait()
		rxA.Close()
		rxB.Close()
		if n := total.Load(); n != senders*perSender {
			t.Fatalf("bound %d: received %d values, want %d", bound, n, senders*perSender)
		}
		for v := range got {
			if n := got[v].Load(); n != 1 {
				t.Fatalf("bound %d: value %d received %d times", bound, v, n)
			}
		}
	}
}

// TestGiveOrder: one sender, one receiver that blocks on every value: each
// value it is given comes in the order sent, never ahead of one buffered.
func TestGiveOrder(t *testing.T) {
	leak.Check(t)
	const n = 20000
	for _, bound := range []int{1, 2, 16} {
		tx, rx := mpsc.SyncChannel[int](bound)
		var wg sync.WaitGroup
		wg.Go(func() {
			defer tx.Close()
			for i := range n {
				if i%3 == 0 {
					for errors.Is(tx.TrySend(i), mpsc.ErrFull) {
						runtime.Gosched()
					}
					continue
				}
				check(tx.Send(i))
			}
		})
		next := 0
		for v := range rx.Iter() {
			if v != next {
				t.Fatalf("bound %d: got %d, want %d", bound, v, next)
			}
			next++
		}
		wg.Wait()
		if next != n {
			t.Fatalf("bound %d: received %d, want %d", bound, next, n)
		}
	}
}
