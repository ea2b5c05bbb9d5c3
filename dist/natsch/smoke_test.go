package natsch_test

import (
	"testing"

	"github.com/fearlessgo/fearless/dist/natsch"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/fearlessgo/fearless/mpsc"
)

func TestSmoke(t *testing.T) {
	s := natstest.Start(t)
	js := s.JetStream()
	tx, rx, err := natsch.Channel[int](js, "smoke")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		if err := tx.Send(i); err != nil {
			t.Fatal(err)
		}
	}
	tx.Close()
	for i := range 100 {
		v, err := rx.Recv()
		if err != nil || v != i {
			t.Fatalf("Recv = %v, %v; want %d", v, err, i)
		}
	}
	_, err = rx.Recv()
	if err != mpsc.ErrDisconnected {
		t.Fatalf("err = %v", err)
	}
	rx.Close()
}
