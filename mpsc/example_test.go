package mpsc_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
)

func ExampleChannel() {
	tx, rx := mpsc.Channel[string]()
	var wg sync.WaitGroup
	for id := range 3 {
		tx := tx.Clone() // each producer owns a handle...
		wg.Go(func() {
			defer tx.Close() // ...and drops it when done
			tx.Send(fmt.Sprintf("hello from producer %d", id))
		})
	}
	tx.Close() // drop the original, or the loop below never ends
	n := 0
	for range rx.Iter() { // ends once every handle is closed
		n++
	}
	wg.Wait()
	fmt.Println(n, "messages, then disconnected")
	// Output: 3 messages, then disconnected
}

func ExampleSyncChannel() {
	tx, rx := mpsc.SyncChannel[int](2)
	tx.Send(1)
	tx.Send(2)
	err := tx.TrySend(3) // the buffer holds two
	fmt.Println(err, errors.Is(err, mpsc.ErrFull))
	rx.Close()
	err = tx.Send(4) // the receiver is gone: the value comes back
	var se *mpsc.SendError[int]
	errors.As(err, &se)
	fmt.Println(se.Value, errors.Is(err, mpsc.ErrDisconnected))
	// Output:
	// mpsc: send failed: channel full true
	// 4 true
}

func ExampleSyncChannel_rendezvous() {
	tx, rx := mpsc.SyncChannel[string](0)
	done := make(chan struct{})
	go func() {
		defer close(done)
		tx.Send("ping") // returns once the receiver took it
		fmt.Println("sent")
		tx.Close()
	}()
	v, _ := rx.Recv()
	<-done
	fmt.Println("received", v)
	// Output:
	// sent
	// received ping
}

func ExampleReceiver_TryRecv() {
	tx, rx := mpsc.Channel[int]()
	_, err := rx.TryRecv()
	fmt.Println(err)
	tx.Send(1)
	v, err := rx.TryRecv()
	fmt.Println(v, err)
	tx.Close()
	_, err = rx.TryRecv()
	fmt.Println(err)
	// Output:
	// mpsc: channel empty
	// 1 <nil>
	// mpsc: channel disconnected
}

func ExampleReceiver_RecvTimeout() {
	tx, rx := mpsc.Channel[int]()
	defer tx.Close()
	_, err := rx.RecvTimeout(10 * time.Millisecond)
	fmt.Println(err)
	// Output: mpsc: timed out waiting on channel
}

func ExampleReceiver_RecvContext() {
	tx, rx := mpsc.Channel[int]()
	defer tx.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := rx.RecvContext(ctx)
	fmt.Println(err)
	// Output: context canceled
}

// Select receives from whichever channel is ready. A disconnected channel
// is ready too, with ErrDisconnected: here its case switches itself off by
// setting its receiver to nil, as one does with a nil Go channel.
func ExampleSelect() {
	numbers, numbersRx := mpsc.Channel[int]()
	words, wordsRx := mpsc.SyncChannel[string](1)
	numbers.Send(42)
	numbers.Close()
	words.Send("hello")
	words.Close()

	var got []string
	for numbersRx != nil || wordsRx != nil {
		mpsc.Select(
			mpsc.Case(numbersRx, func(n int, err error) {
				if err != nil {
					numbersRx = nil
					return
				}
				got = append(got, fmt.Sprint(n))
			}),
			mpsc.Case(wordsRx, func(w string, err error) {
				if err != nil {
					wordsRx = nil
					return
				}
				got = append(got, w)
			}),
		)
	}
	fmt.Println(len(got), "values")
	// Output: 2 values
}

func ExampleSelectTimeout() {
	tx, rx := mpsc.Channel[int]()
	defer tx.Close()
	i, err := mpsc.SelectTimeout(10*time.Millisecond, mpsc.Case(rx, func(int, error) {}))
	fmt.Println(i, err)
	// Output: -1 mpsc: timed out waiting on channel
}
