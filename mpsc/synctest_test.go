package mpsc_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
)

// TestDurablyBlocked: blocked operations park in a way testing/synctest sees
// as durably blocked, so its fake clock moves on while they wait.
func TestDurablyBlocked(t *testing.T) {
	for _, f := range flavours {
		t.Run(f.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				tx, rx := f.make()
				start := time.Now()
				go func() {
					time.Sleep(time.Second)
					check(tx.Send(1))
					tx.Close()
				}()
				v, err := rx.Recv()
				wantValue(t, v, err, 1)
				if d := time.Since(start); d != time.Second {
					t.Fatalf("Recv returned after %v of fake time, want 1s", d)
				}
				_, err = rx.Recv()
				wantErr(t, err, mpsc.ErrDisconnected)
			})
		})
	}
}

func TestDurablyBlockedTimeouts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tx, rx := mpsc.SyncChannel[int](1)
		defer tx.Close()
		start := time.Now()
		_, err := rx.RecvTimeout(time.Hour)
		wantErr(t, err, mpsc.ErrTimeout)
		check(tx.Send(1))
		wantErr(t, tx.SendTimeout(2, time.Minute), mpsc.ErrTimeout)
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		idle, idleRx := mpsc.SyncChannel[int](0)
		defer idle.Close()
		_, err = mpsc.SelectContext(ctx, mpsc.Case(idleRx, nil))
		wantErr(t, err, context.DeadlineExceeded)
		if d := time.Since(start); d != time.Hour+time.Minute+time.Second {
			t.Fatalf("fake time passed: %v", d)
		}
	})
}

func TestDurablyBlockedSender(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tx, rx := mpsc.SyncChannel[int](1)
		check(tx.Send(1))
		done := make(chan error)
		go func() { done <- tx.Send(2) }()
		synctest.Wait() // the sender is durably blocked on the full channel
		select {
		case err := <-done:
			t.Fatalf("Send on a full channel returned %v", err)
		default:
		}
		rx.Close()
		wantErr(t, <-done, mpsc.ErrDisconnected)
	})
}

// TestSelectWaitersStayInTheirBubble: a Select that waited inside a
// synctest bubble leaves nothing behind that a Select outside it would
// wait on (a parker made in a bubble cannot be used outside it).
func TestSelectWaitersStayInTheirBubble(t *testing.T) {
	for range 3 {
		synctest.Test(t, func(t *testing.T) {
			tx, rx := mpsc.SyncChannel[int](1)
			defer tx.Close()
			if i, err := mpsc.SelectTimeout(time.Second, mpsc.Case(rx, nil)); i != -1 || err != mpsc.ErrTimeout {
				t.Fatalf("SelectTimeout in the bubble = %d, %v; want -1, ErrTimeout", i, err)
			}
		})
		tx, rx := mpsc.SyncChannel[int](1)
		if i, err := mpsc.SelectTimeout(time.Millisecond, mpsc.Case(rx, nil)); i != -1 || err != mpsc.ErrTimeout {
			t.Fatalf("SelectTimeout outside = %d, %v; want -1, ErrTimeout", i, err)
		}
		tx.Close()
	}
	// No live case: the Select waits for its timeout alone.
	if i, err := mpsc.SelectTimeout(time.Millisecond, mpsc.Case[int](nil, nil)); i != -1 || err != mpsc.ErrTimeout {
		t.Fatalf("SelectTimeout on a nil receiver = %d, %v; want -1, ErrTimeout", i, err)
	}
}
