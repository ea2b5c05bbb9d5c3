package natsch_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/fearlessgo/fearless/dist/natsch"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/fearlessgo/fearless/mpsc"
)

// server starts an embedded server for an example; stop removes it.
func server() (srv *natstest.Server, stop func()) {
	dir, err := os.MkdirTemp("", "natsch-example")
	if err != nil {
		panic(err)
	}
	srv = natstest.New(dir)
	return srv, func() {
		srv.Stop()
		os.RemoveAll(dir)
	}
}

// The receiver gets every value, then ErrDisconnected once the last
// sender is closed, as with mpsc.
func ExampleChannel() {
	srv, stop := server()
	defer stop()
	tx, rx, err := natsch.Channel[string](srv.JetStream(), "greetings")
	if err != nil {
		panic(err)
	}
	defer rx.Close()
	go func() {
		defer tx.Close()
		for _, w := range []string{"hello", "from", "JetStream"} {
			tx.Send(w)
		}
	}()
	for w := range rx.Iter() {
		fmt.Println(w)
	}
	_, err = rx.Recv()
	fmt.Println(errors.Is(err, mpsc.ErrDisconnected))
	// Output:
	// hello
	// from
	// JetStream
	// true
}

// A bounded channel refuses a value beyond its bound.
func ExampleSyncChannel() {
	srv, stop := server()
	defer stop()
	tx, rx, err := natsch.SyncChannel[int](srv.JetStream(), "jobs", 1)
	if err != nil {
		panic(err)
	}
	defer rx.Close()
	defer tx.Close()
	fmt.Println(tx.TrySend(1))
	err = tx.TrySend(2)
	var se *mpsc.SendError[int]
	fmt.Println(errors.As(err, &se), se.Value, errors.Is(err, mpsc.ErrFull))
	// Output:
	// <nil>
	// true 2 true
}

// Another process (here: another connection) joins the channel with
// OpenSender; the channel disconnects only when its sender is closed too.
func ExampleOpenSender() {
	srv, stop := server()
	defer stop()
	tx, rx, err := natsch.Channel[int](srv.JetStream(), "counts")
	if err != nil {
		panic(err)
	}
	defer rx.Close()
	other, err := natsch.OpenSender[int](context.Background(), srv.JetStream(), "counts")
	if err != nil {
		panic(err)
	}
	tx.Close()
	other.Send(42)
	other.Close()
	for v := range rx.Iter() {
		fmt.Println(v)
	}
	// Output: 42
}

// Receivers opened anywhere share the values.
func ExampleOpenReceiver() {
	srv, stop := server()
	defer stop()
	tx, rx, err := natsch.Channel[int](srv.JetStream(), "work")
	if err != nil {
		panic(err)
	}
	rx2, err := natsch.OpenReceiver[int](context.Background(), srv.JetStream(), "work")
	if err != nil {
		panic(err)
	}
	defer rx2.Close()
	rx.Close() // rx2 is the channel's receiver now
	tx.Send(7)
	tx.Close()
	fmt.Println(rx2.Recv())
	// Output: 7 <nil>
}

// JSON makes the values readable by programs in other languages.
func ExampleWithCodec() {
	srv, stop := server()
	defer stop()
	type point struct{ X, Y int }
	tx, rx, err := natsch.Channel[point](srv.JetStream(), "points", natsch.WithCodec(natsch.JSON[point]()))
	if err != nil {
		panic(err)
	}
	defer rx.Close()
	tx.Send(point{1, 2})
	tx.Close()
	fmt.Println(rx.Recv())
	// Output: {1 2} <nil>
}

// Lease sets how soon the senders of a process that died count as closed.
func ExampleLease() {
	srv, stop := server()
	defer stop()
	tx, rx, err := natsch.Channel[int](srv.JetStream(), "short", natsch.Lease(2*time.Second))
	if err != nil {
		panic(err)
	}
	defer rx.Close()
	tx.Close()
	_, err = rx.Recv()
	fmt.Println(err)
	// Output: mpsc: channel disconnected
}

// A bounded sender opened by another process waits for room like the
// first one.
func ExampleOpenSyncSender() {
	srv, stop := server()
	defer stop()
	tx, rx, err := natsch.SyncChannel[string](srv.JetStream(), "orders", 4)
	if err != nil {
		panic(err)
	}
	defer rx.Close()
	tx2, err := natsch.OpenSyncSender[string](context.Background(), srv.JetStream(), "orders")
	if err != nil {
		panic(err)
	}
	tx.Close()
	fmt.Println(tx2.SendTimeout("tea", time.Minute))
	tx2.Close()
	for v := range rx.Iter() {
		fmt.Println(v)
	}
	// Output:
	// <nil>
	// tea
}
