package mpsc_test

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

// msg identifies a message by its producer and its place in that
// producer's sequence.
type msg struct{ producer, seq int }

// stressFlavours are the channels under stress, with a bound small enough
// that bounded senders block often.
var stressFlavours = []struct {
	name  string
	bound int // -1: unbounded
}{
	{"unbounded", -1},
	{"bounded1", 1},
	{"bounded8", 8},
	{"bounded1024", 1024},
	{"rendezvous", 0},
}

// stressSend sends with the variant chosen by i, so every send path runs.
type stressSender struct {
	send  func(i int, m msg) error
	close func()
	clone func() stressSender
}

func newStressChannel(bound int) (stressSender, *mpsc.Receiver[msg]) {
	if bound < 0 {
		tx, rx := mpsc.Channel[msg]()
		return unboundedStress(tx), rx
	}
	tx, rx := mpsc.SyncChannel[msg](bound)
	return syncStress(tx, bound > 0), rx
}

func unboundedStress(tx *mpsc.Sender[msg]) stressSender {
	return stressSender{
		send:  func(_ int, m msg) error { return tx.Send(m) },
		close: tx.Close,
		clone: func() stressSender { return unboundedStress(tx.Clone()) },
	}
}

// syncStress sends on a bounded channel. TrySend in a loop is used only
// when there is a buffer: on a rendezvous it succeeds only against a
// receiver that waits, and a TryRecv loop never waits.
func syncStress(tx *mpsc.SyncSender[msg], buffered bool) stressSender {
	return stressSender{
		send: func(i int, m msg) error {
			switch i % 4 {
			case 0:
				return tx.Send(m)
			case 1:
				for buffered {
					err := tx.TrySend(m)
					if !errors.Is(err, mpsc.ErrFull) {
						return err
					}
					runtime.Gosched()
				}
			case 2:
				for {
					err := tx.SendTimeout(m, 50*time.Microsecond)
					if !errors.Is(err, mpsc.ErrTimeout) {
						return err
					}
				}
			}
			return tx.Send(m)
		},
		close: tx.Close,
		clone: func() stressSender { return syncStress(tx.Clone(), buffered) },
	}
}

// stressRecv receives with the variant chosen by i; ok is false once the
// channel is disconnected.
func stressRecv(rx *mpsc.Receiver[msg], i int) (msg, bool) {
	for {
		var m msg
		var err error
		switch i % 5 {
		case 0, 1:
			m, err = rx.Recv()
		case 2:
			m, err = rx.TryRecv()
			if errors.Is(err, mpsc.ErrEmpty) {
				runtime.Gosched()
				continue
			}
		case 3:
			m, err = rx.RecvTimeout(50 * time.Microsecond)
			if errors.Is(err, mpsc.ErrTimeout) {
				continue
			}
		case 4:
			mpsc.Select(mpsc.Case(rx, func(v msg, e error) { m, err = v, e }))
		}
		if err != nil {
			if !errors.Is(err, mpsc.ErrDisconnected) {
				panic(err)
			}
			return msg{}, false
		}
		return m, true
	}
}

// TestStress: 8 producers and 4 consumers on each flavour. Every message is
// received exactly once, and each consumer sees each producer's messages in
// the order sent; the receiver sees ErrDisconnected only after the last.
func TestStress(t *testing.T) {
	leak.Check(t)
	const producers, consumers = 8, 4
	perProducer := 3000
	if testing.Short() {
		perProducer = 300
	}
	for _, f := range stressFlavours {
		t.Run(f.name, func(t *testing.T) {
			tx, rx := newStressChannel(f.bound)
			var wg sync.WaitGroup
			for p := range producers {
				tx := tx.clone()
				wg.Go(func() {
					defer tx.close()
					for i := range perProducer {
						check(tx.send(i+p, msg{p, i}))
					}
				})
			}
			tx.close()
			counts := make([][]atomic.Int32, producers)
			for p := range counts {
				counts[p] = make([]atomic.Int32, perProducer)
			}
			var total atomic.Int64
			errs := make(chan error, consumers)
			for c := range consumers {
				wg.Go(func() {
					last := make([]int, producers)
					for p := range last {
						last[p] = -1
					}
					for i := 0; ; i++ {
						m, ok := stressRecv(rx, i+c)
						if !ok {
							return
						}
						if m.seq <= last[m.producer] {
							errs <- fmt.Errorf("consumer %d: producer %d's message %d after %d", c, m.producer, m.seq, last[m.producer])
							return
						}
						last[m.producer] = m.seq
						counts[m.producer][m.seq].Add(1)
						total.Add(1)
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			if got := total.Load(); got != producers*int64(perProducer) {
				t.Fatalf("received %d messages, want %d", got, producers*perProducer)
			}
			for p := range counts {
				for i := range counts[p] {
					if n := counts[p][i].Load(); n != 1 {
						t.Fatalf("producer %d's message %d received %d times", p, i, n)
					}
				}
			}
		})
	}
}

// TestStressSingleConsumerOrder: with one consumer, each producer's
// messages arrive exactly in sequence.
func TestStressSingleConsumerOrder(t *testing.T) {
	leak.Check(t)
	const producers, perProducer = 8, 2000
	for _, f := range stressFlavours {
		t.Run(f.name, func(t *testing.T) {
			tx, rx := newStressChannel(f.bound)
			var wg sync.WaitGroup
			for p := range producers {
				tx := tx.clone()
				wg.Go(func() {
					defer tx.close()
					for i := range perProducer {
						check(tx.send(i, msg{p, i}))
					}
				})
			}
			tx.close()
			next := make([]int, producers)
			n := 0
			for m := range rx.Iter() {
				if m.seq != next[m.producer] {
					t.Fatalf("producer %d: got message %d, want %d", m.producer, m.seq, next[m.producer])
				}
				next[m.producer]++
				n++
			}
			wg.Wait()
			if n != producers*perProducer {
				t.Fatalf("received %d, want %d", n, producers*perProducer)
			}
		})
	}
}

// TestStressReceiverClose: the receiver closes while producers send. Every
// send either succeeded before the close or failed with ErrDisconnected and
// its value back; no sender stays blocked; nothing is received twice.
func TestStressReceiverClose(t *testing.T) {
	leak.Check(t)
	const producers = 8
	for _, f := range stressFlavours {
		t.Run(f.name, func(t *testing.T) {
			for round := range 20 {
				tx, rx := newStressChannel(f.bound)
				var wg sync.WaitGroup
				var sent, failed atomic.Int64
				for p := range producers {
					tx := tx.clone()
					wg.Go(func() {
						defer tx.close()
						for i := 0; ; i++ {
							err := tx.send(i+p, msg{p, i})
							if err == nil {
								sent.Add(1)
								continue
							}
							var se *mpsc.SendError[msg]
							if !errors.As(err, &se) || !errors.Is(err, mpsc.ErrDisconnected) || se.Value != (msg{p, i}) {
								panic(fmt.Sprintf("send failed with %v", err))
							}
							failed.Add(1)
							return
						}
					})
				}
				tx.close()
				received := 0
				for received < 50+round*10 {
					if _, ok := stressRecv(rx, received); !ok {
						t.Fatal("disconnected while producers are open")
					}
					received++
				}
				rx.Close()
				wg.Wait()
				if failed.Load() != producers {
					t.Fatalf("%d producers saw the close, want %d", failed.Load(), producers)
				}
				if int64(received) > sent.Load() {
					t.Fatalf("received %d of %d sent", received, sent.Load())
				}
			}
		})
	}
}

// TestStressDisconnectRace: many short-lived channels whose senders close
// while the receiver waits: the receiver always gets every value and then
// ErrDisconnected, never a hang or an early disconnection.
func TestStressDisconnectRace(t *testing.T) {
	leak.Check(t)
	for _, f := range stressFlavours {
		t.Run(f.name, func(t *testing.T) {
			for range 300 {
				tx, rx := newStressChannel(f.bound)
				var wg sync.WaitGroup
				for p := range 3 {
					tx := tx.clone()
					wg.Go(func() {
						defer tx.close()
						for i := range 3 {
							check(tx.send(i, msg{p, i}))
						}
					})
				}
				tx.close()
				n := 0
				for range rx.Iter() {
					n++
				}
				wg.Wait()
				if n != 9 {
					t.Fatalf("received %d before disconnection, want 9", n)
				}
			}
		})
	}
}

// TestStressBothSidesBlock: 4 producers and 4 consumers on small buffers,
// with nothing but Send and Recv, so that senders and receivers are often
// blocked at once and every wake-up is a hand-off or a notify (the mixed
// receive paths of TestStress poll, and a poll wakes nobody). Each round
// must deliver every message exactly once; a round that makes no progress
// for a minute is reported with every goroutine's stack.
func TestStressBothSidesBlock(t *testing.T) {
	leak.Check(t)
	const producers, consumers, perProducer = 4, 4, 1000
	rounds := 40
	if testing.Short() {
		rounds = 4
	}
	for _, bound := range []int{0, 1, 2} {
		t.Run(fmt.Sprintf("bound%d", bound), func(t *testing.T) {
			for round := range rounds {
				tx, rx := mpsc.SyncChannel[int](bound)
				counts := make([]atomic.Int32, producers*perProducer)
				var wg sync.WaitGroup
				for p := range producers {
					tx := tx.Clone()
					wg.Go(func() {
						defer tx.Close()
						for i := range perProducer {
							check(tx.Send(p*perProducer + i))
						}
					})
				}
				tx.Close()
				for range consumers {
					wg.Go(func() {
						for {
							v, err := rx.Recv()
							if errors.Is(err, mpsc.ErrDisconnected) {
								return
							}
							check(err)
							counts[v].Add(1)
						}
					})
				}
				done := make(chan struct{})
				go func() { wg.Wait(); close(done) }()
				select {
				case <-done:
				case <-time.After(time.Minute):
					stacks := make([]byte, 1<<20)
					t.Fatalf("round %d made no progress for a minute:\n%s", round, stacks[:runtime.Stack(stacks, true)])
				}
				for v := range counts {
					if n := counts[v].Load(); n != 1 {
						t.Fatalf("round %d: message %d received %d times", round, v, n)
					}
				}
			}
		})
	}
}
