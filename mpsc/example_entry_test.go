package mpsc_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// Iter ranges over the values until every sender is closed.
func ExampleReceiver_Iter() {
	tx, rx := mpsc.Channel[int]()
	thread.Go(func() {
		defer tx.Close() // ends the loop below
		for i := range 3 {
			tx.Send(i * i)
		}
	})
	for v := range rx.Iter() {
		fmt.Println(v)
	}
	// Output:
	// 0
	// 1
	// 4
}

// Recv returns ErrDisconnected once the senders are gone and the buffer is
// empty.
func ExampleReceiver_Recv() {
	tx, rx := mpsc.Channel[string]()
	tx.Send("last words")
	tx.Close()
	for {
		v, err := rx.Recv()
		if errors.Is(err, mpsc.ErrDisconnected) {
			fmt.Println("disconnected")
			return
		}
		fmt.Println(v)
	}
	// Output:
	// last words
	// disconnected
}

// Each producer owns a clone; the channel disconnects when all are closed.
func ExampleSender_Clone() {
	tx, rx := mpsc.Channel[string]()
	tx1 := tx.Clone() // Rust's let tx1 = tx.clone()
	a := thread.Go(func() { defer tx1.Close(); tx1.Send("from the clone") })
	a.Join()
	tx.Send("from the original")
	tx.Close()
	for v := range rx.Iter() {
		fmt.Println(v)
	}
	// Output:
	// from the clone
	// from the original
}

// Close drops a handle: sending through it fails with ErrClosed, holding
// the value back; Close again does nothing.
func ExampleSender_Close() {
	tx, rx := mpsc.Channel[int]()
	defer rx.Close()
	tx.Close()
	tx.Close() // idempotent
	err := tx.Send(7)
	var se *mpsc.SendError[int]
	fmt.Println(errors.Is(err, mpsc.ErrClosed), errors.As(err, &se) && se.Value == 7)
	// Output: true true
}

// TrySend never blocks: a full channel returns ErrFull and the value.
func ExampleSyncSender_TrySend() {
	tx, rx := mpsc.SyncChannel[string](1)
	defer rx.Close()
	fmt.Println(tx.TrySend("fits"))
	err := tx.TrySend("does not")
	var se *mpsc.SendError[string]
	if errors.As(err, &se) && errors.Is(err, mpsc.ErrFull) {
		fmt.Println("full; kept:", se.Value)
	}
	// Output:
	// <nil>
	// full; kept: does not
}

// SendContext gives up when the context is done, with the value back.
func ExampleSyncSender_SendContext() {
	tx, rx := mpsc.SyncChannel[int](0) // nobody receives
	defer rx.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	err := tx.SendContext(ctx, 1)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output: true
}

// SelectContext waits on several receivers until one is ready or the
// context is done.
func ExampleSelectContext() {
	_, jobs := mpsc.Channel[string]()
	quitTx, quit := mpsc.Channel[struct{}]()
	quitTx.Send(struct{}{})
	i, err := mpsc.SelectContext(context.Background(),
		mpsc.Case(jobs, func(job string, err error) { fmt.Println("job", job) }),
		mpsc.Case(quit, func(_ struct{}, err error) { fmt.Println("quit") }),
	)
	fmt.Println(i, err)
	// Output:
	// quit
	// 1 <nil>
}
