package mpsc_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

func TestSelectReadyCase(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours[:2] {
		t.Run(f.name, func(t *testing.T) {
			tx1, rx1 := f.make()
			tx2, rx2 := f.make()
			defer tx1.Close()
			defer tx2.Close()
			check(tx2.Send(42))
			var got int
			i := mpsc.Select(
				mpsc.Case(rx1, func(int, error) { t.Fatal("case 0 ran") }),
				mpsc.Case(rx2, func(v int, err error) { got = get(v, err) }),
			)
			if i != 1 || got != 42 {
				t.Fatalf("Select = %d with %d, want 1 with 42", i, got)
			}
		})
	}
}

func TestSelectWaits(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours {
		t.Run(f.name, func(t *testing.T) {
			tx1, rx1 := f.make()
			tx2, rx2 := f.make()
			defer tx1.Close()
			join := spawn(func() { check(tx2.Send(7)) })
			var got int
			i := mpsc.Select(
				mpsc.Case(rx1, func(int, error) { t.Error("case 0 ran") }),
				mpsc.Case(rx2, func(v int, err error) { got = get(v, err) }),
			)
			if i != 1 || got != 7 {
				t.Fatalf("Select = %d with %d, want 1 with 7", i, got)
			}
			joinAll(t, join)
			tx2.Close()
		})
	}
}

func TestSelectDisconnectedIsReady(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours {
		t.Run(f.name, func(t *testing.T) {
			tx1, rx1 := f.make()
			tx2, rx2 := f.make()
			defer tx1.Close()
			result := make(chan error, 1)
			join := spawn(func() {
				mpsc.Select(
					mpsc.Case(rx1, func(int, error) { panic("case 0 ran") }),
					mpsc.Case(rx2, func(_ int, err error) { result <- err }),
				)
			})
			tx2.Close()
			joinAll(t, join)
			wantErr(t, <-result, mpsc.ErrDisconnected)
		})
	}
}

func TestSelectClosedReceiverIsReady(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	defer tx.Close()
	rx.Close()
	var err error
	if i := mpsc.Select(mpsc.Case(rx, func(_ int, e error) { err = e })); i != 0 {
		t.Fatalf("Select = %d, want 0", i)
	}
	wantErr(t, err, mpsc.ErrClosed)
}

func TestSelectNilReceiverIsNeverReady(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	defer tx.Close()
	check(tx.Send(1))
	var off *mpsc.Receiver[int]
	i := mpsc.Select(mpsc.Case(off, func(int, error) { t.Fatal("a nil case ran") }), mpsc.Case(rx, nil))
	if i != 1 {
		t.Fatalf("Select = %d, want 1", i)
	}
	if i := mpsc.Select(mpsc.Case(off, nil)); i != -1 {
		t.Fatalf("Select of only nil cases = %d, want -1", i)
	}
	if i := mpsc.Select(); i != -1 {
		t.Fatalf("Select() = %d, want -1", i)
	}
	if i := mpsc.Select(mpsc.SelectCase{}); i != -1 {
		t.Fatalf("Select(zero case) = %d, want -1", i)
	}
}

func TestTrySelect(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	defer tx.Close()
	if i := mpsc.TrySelect(mpsc.Case(rx, nil)); i != -1 {
		t.Fatalf("TrySelect = %d, want -1", i)
	}
	// A rendezvous sender that waits is ready.
	join := spawn(func() { check(tx.Send(3)) })
	var got int
	for mpsc.TrySelect(mpsc.Case(rx, func(v int, err error) { got = get(v, err) })) == -1 {
		time.Sleep(time.Millisecond)
	}
	if got != 3 {
		t.Fatalf("got %d, want 3", got)
	}
	joinAll(t, join)
}

func TestSelectTimeout(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	defer tx.Close()
	start := time.Now()
	i, err := mpsc.SelectTimeout(2*time.Millisecond, mpsc.Case(rx, nil))
	if i != -1 {
		t.Fatalf("SelectTimeout = %d, want -1", i)
	}
	wantErr(t, err, mpsc.ErrTimeout)
	if time.Since(start) < 2*time.Millisecond {
		t.Fatal("SelectTimeout returned before its timeout")
	}
	i, err = mpsc.SelectTimeout(time.Millisecond)
	if i != -1 || err != mpsc.ErrTimeout {
		t.Fatalf("SelectTimeout() = %d, %v", i, err)
	}
	check(tx.Send(1))
	i, err = mpsc.SelectTimeout(time.Hour, mpsc.Case(rx, nil))
	if i != 0 || err != nil {
		t.Fatalf("SelectTimeout = %d, %v, want 0, nil", i, err)
	}
}

func TestSelectContext(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	defer tx.Close()
	ctx, cancel := context.WithCancel(context.Background())
	result := make(chan error, 1)
	join := spawn(func() {
		_, err := mpsc.SelectContext(ctx, mpsc.Case(rx, nil))
		result <- err
	})
	cancel()
	joinAll(t, join)
	wantErr(t, <-result, context.Canceled)
	check(tx.Send(1))
	if i, err := mpsc.SelectContext(ctx, mpsc.Case(rx, nil)); i != 0 || err != nil {
		t.Fatalf("SelectContext with a ready case = %d, %v, want 0, nil", i, err)
	}
}

// TestSelectIsFair: with both cases always ready, each is chosen about half
// the time. A fixed order would starve the second; the bound is so loose
// that a fair coin fails it with probability below 1e-20.
func TestSelectIsFair(t *testing.T) {
	leak.Check(t)
	tx1, rx1 := mpsc.Channel[int]()
	tx2, rx2 := mpsc.Channel[int]()
	defer tx1.Close()
	defer tx2.Close()
	const rounds = 2000
	var counts [2]int
	for range rounds {
		check(tx1.Send(1))
		check(tx2.Send(2))
		counts[mpsc.Select(mpsc.Case(rx1, nil), mpsc.Case(rx2, nil))]++
		mpsc.TrySelect(mpsc.Case(rx1, nil))
		mpsc.TrySelect(mpsc.Case(rx2, nil))
	}
	if counts[0] < rounds/4 || counts[1] < rounds/4 {
		t.Fatalf("case counts %v over %d rounds", counts, rounds)
	}
}

// TestSelectRendezvousHandsOverOnce: a rendezvous sender whose value a
// Select took is done; nothing is lost or taken twice when several
// selects and receivers compete.
func TestSelectStress(t *testing.T) {
	leak.Check(t)
	const perProducer = 2000
	txU, rxU := mpsc.Channel[int]()
	txB, rxB := mpsc.SyncChannel[int](2)
	txZ, rxZ := mpsc.SyncChannel[int](0)
	var producers sync.WaitGroup
	produce := func(send func(int) error, close func(), base int) {
		producers.Go(func() {
			defer close()
			for i := range perProducer {
				check(send(base + i))
			}
		})
	}
	produce(txU.Send, txU.Close, 0)
	produce(txB.Send, txB.Close, perProducer)
	produce(txZ.Send, txZ.Close, 2*perProducer)

	var mu sync.Mutex
	seen := make([]int, 3*perProducer)
	var consumers sync.WaitGroup
	for range 3 {
		consumers.Go(func() {
			rxs := []*mpsc.Receiver[int]{rxU, rxB, rxZ}
			for rxs[0] != nil || rxs[1] != nil || rxs[2] != nil {
				var cases []mpsc.SelectCase
				for k, rx := range rxs {
					cases = append(cases, mpsc.Case(rx, func(v int, err error) {
						if err != nil {
							rxs[k] = nil // switch the case off, as with a nil Go channel
							return
						}
						mu.Lock()
						seen[v]++
						mu.Unlock()
					}))
				}
				mpsc.Select(cases...)
			}
		})
	}
	producers.Wait()
	consumers.Wait()
	for v, c := range seen {
		if c != 1 {
			t.Fatalf("value %d received %d times", v, c)
		}
	}
}
