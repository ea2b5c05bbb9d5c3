package mpsc_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

// TestHandOffTimeoutRace: a receive that makes room sends the value of a
// blocked sender for it. Senders with timeouts short enough to fire while
// that happens must each see exactly one outcome per value: nil when it was
// sent, an error holding it when not, never both and never neither.
func TestHandOffTimeoutRace(t *testing.T) {
	leak.Check(t)
	const senders, perSender = 4, 2000
	tx, rx := mpsc.SyncChannel[int](1)
	var wg sync.WaitGroup
	sent := make([][]bool, senders)
	for p := range senders {
		tx := tx.Clone()
		sent[p] = make([]bool, perSender)
		wg.Go(func() {
			defer tx.Close()
			for i := range perSender {
				v := p*perSender + i
				err := tx.SendTimeout(v, time.Duration(i%3)*time.Microsecond)
				var se *mpsc.SendError[int]
				switch {
				case err == nil:
					sent[p][i] = true
				case errors.As(err, &se) && errors.Is(err, mpsc.ErrTimeout):
					if se.Value != v {
						panic("SendError holds the wrong value")
					}
				default:
					panic(err)
				}
			}
		})
	}
	tx.Close()
	got := make([]int, senders*perSender)
	for v := range rx.Iter() {
		got[v]++
	}
	wg.Wait()
	for p := range senders {
		for i := range perSender {
			want := 0
			if sent[p][i] {
				want = 1
			}
			if n := got[p*perSender+i]; n != want {
				t.Fatalf("sender %d's value %d: received %d times, Send said sent=%v", p, i, n, sent[p][i])
			}
		}
	}
}
