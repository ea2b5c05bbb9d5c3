package natsch_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/dist/natsch"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

func TestOpenErrors(t *testing.T) {
	leak.Check(t)
	s := natstest.Start(t)
	js := s.JetStream()
	ctx := context.Background()
	_, err := natsch.OpenSender[int](ctx, js, "nope")
	wantErr(t, err, natsch.ErrNoChannel)
	_, err = natsch.OpenReceiver[int](ctx, js, "nope")
	wantErr(t, err, natsch.ErrNoChannel)
	if _, _, err := natsch.Channel[int](js, "bad.name"); err == nil {
		t.Fatal("Channel accepted a name with a dot")
	}
	if _, _, err := natsch.Channel[int](js, "c", natsch.WithCodec(natsch.Bytes())); err == nil {
		t.Fatal("Channel[int] accepted a codec of []byte")
	}

	tx, rx, err := natsch.Channel[int](js, "u")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = natsch.Channel[int](js, "u")
	wantErr(t, err, natsch.ErrInUse)
	_, err = natsch.OpenSyncSender[int](ctx, js, "u")
	wantErr(t, err, natsch.ErrKind)
	tx.Close()
	_, err = natsch.OpenSender[int](ctx, js, "u")
	wantErr(t, err, mpsc.ErrDisconnected) // its senders are gone: it never reconnects
	rx.Close()

	// Both sides gone: the channel is removed, and the name free again.
	_, err = natsch.OpenReceiver[int](ctx, js, "u")
	wantErr(t, err, natsch.ErrNoChannel)
	tx2, rx2, err := natsch.Channel[int](js, "u")
	if err != nil {
		t.Fatal(err)
	}
	check(tx2.Send(5))
	tx2.Close()
	wantValue(t, get(rx2.Recv()), nil, 5)
	rx2.Close()
}

// TestOpenedHandlesCount: senders and receivers opened by other Open calls
// (as other processes would) keep the channel connected and share it.
func TestOpenedHandlesCount(t *testing.T) {
	leak.Check(t)
	s := natstest.Start(t)
	js, js2 := s.JetStream(), s.JetStream()
	ctx := context.Background()
	tx, rx, err := natsch.SyncChannel[string](js, "shared", 8)
	if err != nil {
		t.Fatal(err)
	}
	tx2, err := natsch.OpenSyncSender[string](ctx, js2, "shared")
	if err != nil {
		t.Fatal(err)
	}
	rx2, err := natsch.OpenReceiver[string](ctx, js2, "shared")
	if err != nil {
		t.Fatal(err)
	}
	tx.Close()
	clone := tx2.Clone()
	tx2.Close()
	check(clone.Send("still connected"))
	rx.Close() // rx2 remains
	wantValue(t, get(rx2.RecvTimeout(wide)), nil, "still connected")
	clone.Close()
	_, err = rx2.Recv()
	wantErr(t, err, mpsc.ErrDisconnected)
	rx2.Close()
}

func TestCodecs(t *testing.T) {
	leak.Check(t)
	s := natstest.Start(t)
	js := s.JetStream()
	type rec struct {
		Name string
		N    []int
	}
	for _, c := range []struct {
		name string
		opt  natsch.Option
	}{{"gob", nil}, {"json", natsch.WithCodec(natsch.JSON[rec]())}} {
		tx, rx, err := natsch.Channel[rec](js, "codec-"+c.name, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		check(tx.Send(rec{"a", []int{1, 2}}))
		tx.Close()
		v := get(rx.Recv())
		if v.Name != "a" || len(v.N) != 2 || v.N[1] != 2 {
			t.Fatalf("%s: got %+v", c.name, v)
		}
		rx.Close()
	}
	tx, rx, err := natsch.Channel[[]byte](js, "codec-bytes", natsch.WithCodec(natsch.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	check(tx.Send([]byte("raw")))
	tx.Close()
	if v := get(rx.Recv()); string(v) != "raw" {
		t.Fatalf("bytes: got %q", v)
	}
	rx.Close()
}

// TestForgottenSenderIsCollected: a sender dropped without Close closes
// when the garbage collector finds it, so the receiver is not left waiting.
func TestForgottenSenderIsCollected(t *testing.T) {
	leak.Check(t)
	s := natstest.Start(t)
	tx, rx, err := natsch.Channel[int](s.JetStream(), "forgotten")
	if err != nil {
		t.Fatal(err)
	}
	defer rx.Close()
	check(tx.Send(1))
	tx = nil
	done := make(chan error, 1)
	go func() {
		get(rx.Recv())
		_, err := rx.Recv()
		done <- err
	}()
	deadline := time.After(wide)
	for {
		runtime.GC()
		select {
		case err := <-done:
			wantErr(t, err, mpsc.ErrDisconnected)
			return
		case <-deadline:
			t.Fatalf("the forgotten sender not collected in %v of garbage collection", wide)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func TestZeroAndNilHandlesAreClosed(t *testing.T) {
	var s natsch.Sender[int]
	var ss natsch.SyncSender[int]
	var r natsch.Receiver[int]
	var ns *natsch.Sender[int]
	var nss *natsch.SyncSender[int]
	var nr *natsch.Receiver[int]
	for _, err := range []error{s.Send(1), ss.Send(1), ss.TrySend(1), ns.Send(1), nss.Send(1),
		s.Clone().Send(1), nss.Clone().Send(1), ss.SendTimeout(1, time.Second)} {
		wantErr(t, err, mpsc.ErrClosed)
	}
	for _, rx := range []*natsch.Receiver[int]{&r, nr} {
		_, err := rx.Recv()
		wantErr(t, err, mpsc.ErrClosed)
		_, err = rx.TryRecv()
		wantErr(t, err, mpsc.ErrClosed)
		if rx.Len() != 0 {
			t.Fatal("Len of a closed receiver is not 0")
		}
		rx.Close()
	}
	s.Close()
	ss.Close()
	ns.Close()
	nss.Close()
}
