package mpsc_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

// The helpers below make a channel and let a handle go without Close. They
// must not be inlined, so that the caller's frame cannot keep it alive.

//go:noinline
func dropSender() *mpsc.Receiver[int] {
	tx, rx := mpsc.Channel[int]()
	check(tx.Send(1))
	return rx
}

//go:noinline
func dropOneClone() (*mpsc.Receiver[int], *mpsc.Sender[int]) {
	tx, rx := mpsc.Channel[int]()
	kept := tx.Clone()
	tx.Clone() // dropped
	tx.Close()
	return rx, kept
}

//go:noinline
func dropSyncSender() *mpsc.Receiver[int] {
	tx, rx := mpsc.SyncChannel[int](0)
	tx.Clone().Close()
	return rx
}

//go:noinline
func dropReceiver() *mpsc.SyncSender[int] {
	tx, rx := mpsc.SyncChannel[int](1)
	_ = rx
	return tx
}

// recvInBackground receives once on a goroutine; the result comes on the
// returned channel.
func recvInBackground(rx *mpsc.Receiver[int]) (<-chan error, func() any) {
	result := make(chan error, 1)
	join := spawn(func() {
		_, err := rx.Recv()
		result <- err
	})
	return result, join
}

func waitResult(t *testing.T, what string, result <-chan error) error {
	t.Helper()
	var err error
	eventually(t, what, func() bool {
		select {
		case err = <-result:
			return true
		default:
			return false
		}
	})
	return err
}

func TestUnreachableSenderIsClosed(t *testing.T) {
	leak.Check(t)
	rx := dropSender()
	v, err := rx.Recv()
	wantValue(t, v, err, 1)
	result, join := recvInBackground(rx)
	wantErr(t, waitResult(t, "a blocked Recv after its only sender became unreachable", result), mpsc.ErrDisconnected)
	joinAll(t, join)
}

func TestEachCloneHasItsOwnCleanup(t *testing.T) {
	leak.Check(t)
	rx, kept := dropOneClone()
	// Only the dropped clone is closed by the collector: kept holds the
	// channel open, however often the collector runs.
	for range 5 {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	_, err := rx.TryRecv()
	wantErr(t, err, mpsc.ErrEmpty)
	check(kept.Send(2))
	kept = nil
	v, err := rx.Recv()
	wantValue(t, v, err, 2)
	result, join := recvInBackground(rx)
	wantErr(t, waitResult(t, "a blocked Recv after the last clone became unreachable", result), mpsc.ErrDisconnected)
	joinAll(t, join)
}

func TestExplicitlyClosedSenderIsNotClosedAgain(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	func() {
		c := tx.Clone()
		c.Close()
	}()
	for range 5 {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	_, err := rx.TryRecv()
	wantErr(t, err, mpsc.ErrEmpty) // tx is still open
	tx.Close()
	_, err = rx.TryRecv()
	wantErr(t, err, mpsc.ErrDisconnected)
}

func TestUnreachableSyncSenderIsClosed(t *testing.T) {
	leak.Check(t)
	rx := dropSyncSender()
	result, join := recvInBackground(rx)
	wantErr(t, waitResult(t, "a blocked Recv after its only sender became unreachable", result), mpsc.ErrDisconnected)
	joinAll(t, join)
}

func TestUnreachableReceiverIsClosed(t *testing.T) {
	leak.Check(t)
	tx := dropReceiver()
	result := make(chan error, 1)
	join := spawn(func() {
		result <- tx.Send(1) // fills the buffer, or fails if already collected
		result <- tx.Send(2) // blocks until the receiver is collected
	})
	first := waitResult(t, "the first send", result)
	if first != nil {
		wantErr(t, first, mpsc.ErrDisconnected)
	}
	wantErr(t, waitResult(t, "a blocked Send after the receiver became unreachable", result), mpsc.ErrDisconnected)
	joinAll(t, join)
}
