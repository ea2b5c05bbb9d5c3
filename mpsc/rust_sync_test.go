package mpsc_test

// The cases of Rust std's own test suite for mpsc::sync_channel
// (library/std/tests/sync/mpsc_sync.rs), carried over to fearless the way
// rust_test.go carries over mpsc.rs.

import (
	"runtime"
	"testing"
	"time"
	"weak"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

func TestSyncSmoke(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	check(tx.Send(1))
	v, err := rx.Recv()
	wantValue(t, v, err, 1)
}

func TestSyncCloseReceiverWhenFull(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[*int](1)
	check(tx.Send(new(int)))
	rx.Close()
}

func TestSyncSmokeShared(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	check(tx.Send(1))
	v, err := rx.Recv()
	wantValue(t, v, err, 1)
	tx2 := tx.Clone()
	check(tx2.Send(1))
	v, err = rx.Recv()
	wantValue(t, v, err, 1)
}

func TestSyncRecvTimeout(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	_, err := rx.RecvTimeout(time.Millisecond)
	wantErr(t, err, mpsc.ErrTimeout)
	check(tx.Send(1))
	v, err := rx.RecvTimeout(time.Millisecond)
	wantValue(t, v, err, 1)
}

func TestSyncSendTimeout(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	defer rx.Close()
	wantErr(t, tx.SendTimeout(1, time.Millisecond), nil)
	err := tx.SendTimeout(1, time.Millisecond)
	wantErr(t, err, mpsc.ErrTimeout)
	if se := err.(*mpsc.SendError[int]); se.Value != 1 {
		t.Fatalf("SendError.Value = %d, want 1", se.Value)
	}
}

func TestSyncSmokeThreads(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	join := spawn(func() { check(tx.Send(1)) })
	v, err := rx.Recv()
	wantValue(t, v, err, 1)
	joinAll(t, join)
}

func TestSyncSmokeReceiverGone(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	rx.Close()
	wantErr(t, tx.Send(1), mpsc.ErrDisconnected)
}

func TestSyncSmokeSharedReceiverGone(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	rx.Close()
	tx2 := tx.Clone()
	tx.Close()
	wantErr(t, tx2.Send(1), mpsc.ErrDisconnected)
}

func TestSyncReceiverGoneConcurrent(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	join := spawn(func() {
		get(rx.Recv())
		rx.Close()
	})
	for tx.Send(1) == nil {
	}
	joinAll(t, join)
}

func TestSyncReceiverGoneConcurrentShared(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	tx2 := tx.Clone()
	join := spawn(func() {
		get(rx.Recv())
		rx.Close()
	})
	for tx.Send(1) == nil && tx2.Send(1) == nil {
	}
	joinAll(t, join)
}

func TestSyncSmokeSendersGone(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	tx.Close()
	_, err := rx.Recv()
	wantErr(t, err, mpsc.ErrDisconnected)
}

func TestSyncSmokeSharedSendersGone(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[struct{}](0)
	tx2 := tx.Clone()
	tx.Close()
	tx2.Close()
	_, err := rx.Recv()
	wantErr(t, err, mpsc.ErrDisconnected)
}

func TestSyncSendersGoneConcurrent(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	join := spawn(func() {
		defer tx.Close()
		check(tx.Send(1))
		check(tx.Send(1))
	})
	for {
		if _, err := rx.Recv(); err != nil {
			break
		}
	}
	joinAll(t, join)
}

func TestSyncStress(t *testing.T) {
	leak.Check(t)
	const count = 10000
	tx, rx := mpsc.SyncChannel[int](0)
	join := spawn(func() {
		for range count {
			check(tx.Send(1))
		}
	})
	for range count {
		v, err := rx.Recv()
		wantValue(t, v, err, 1)
	}
	joinAll(t, join)
}

func TestSyncStressRecvTimeoutTwoThreads(t *testing.T) {
	leak.Check(t)
	const count = 10000
	tx, rx := mpsc.SyncChannel[int](0)
	join := spawn(func() {
		defer tx.Close()
		for range count {
			check(tx.Send(1))
		}
	})
	received := 0
	for {
		v, err := rx.RecvTimeout(time.Millisecond)
		if err == mpsc.ErrTimeout {
			continue
		}
		if err != nil {
			wantErr(t, err, mpsc.ErrDisconnected)
			break
		}
		if v != 1 {
			t.Fatalf("got %d, want 1", v)
		}
		received++
	}
	if received != count {
		t.Fatalf("received %d, want %d", received, count)
	}
	joinAll(t, join)
}

func TestSyncStressRecvTimeoutShared(t *testing.T) {
	leak.Check(t)
	const amount, threads = 1000, 8
	tx, rx := mpsc.SyncChannel[int](0)
	dtx, drx := mpsc.SyncChannel[struct{}](0)
	consumer := spawn(func() {
		received := 0
		for {
			v, err := rx.RecvTimeout(10 * time.Millisecond)
			if err == mpsc.ErrTimeout {
				continue
			}
			if err != nil {
				break
			}
			if v != 1 {
				panic("wrong value")
			}
			received++
		}
		if received != amount*threads {
			panic("lost values")
		}
		if _, err := rx.TryRecv(); err == nil {
			panic("a value too many")
		}
		check(dtx.Send(struct{}{}))
	})
	var joins []func() any
	for range threads {
		tx := tx.Clone()
		joins = append(joins, spawn(func() {
			defer tx.Close()
			for range amount {
				check(tx.Send(1))
			}
		}))
	}
	tx.Close()
	get(drx.Recv())
	joinAll(t, append(joins, consumer)...)
}

func TestSyncStressShared(t *testing.T) {
	leak.Check(t)
	const amount, threads = 1000, 8
	tx, rx := mpsc.SyncChannel[int](0)
	dtx, drx := mpsc.SyncChannel[struct{}](0)
	consumer := spawn(func() {
		for range amount * threads {
			if get(rx.Recv()) != 1 {
				panic("wrong value")
			}
		}
		if _, err := rx.TryRecv(); err == nil {
			panic("a value too many")
		}
		check(dtx.Send(struct{}{}))
	})
	var joins []func() any
	for range threads {
		tx := tx.Clone()
		joins = append(joins, spawn(func() {
			defer tx.Close()
			for range amount {
				check(tx.Send(1))
			}
		}))
	}
	tx.Close()
	get(drx.Recv())
	joinAll(t, append(joins, consumer)...)
}

func TestSyncOneshotCloseReceiverFirst(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	rx.Close()
	tx.Close()
}

func TestSyncOneshotCloseSenderFirst(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	tx.Close()
	rx.Close()
}

func TestSyncOneshotSendAfterReceiverClosed(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[*int](0)
	rx.Close()
	wantErr(t, tx.Send(new(int)), mpsc.ErrDisconnected)
}

func TestSyncOneshotRecvAfterSendersClosed(t *testing.T) {
	leak.Check(t)
	join := spawn(func() {
		tx, rx := mpsc.SyncChannel[int](0)
		tx.Close()
		get(rx.Recv())
	})
	if join() == nil {
		t.Fatal("Recv on a disconnected channel returned no error")
	}
}

func TestSyncOneshotSendThenRecv(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[*int](1)
	ten := 10
	check(tx.Send(&ten))
	if *get(rx.Recv()) != 10 {
		t.Fatal("wrong value")
	}
}

func TestSyncOneshotTrySendOpen(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	wantErr(t, tx.TrySend(10), nil)
	v, err := rx.Recv()
	wantValue(t, v, err, 10)
}

func TestSyncOneshotTrySendClosed(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	rx.Close()
	err := tx.TrySend(10)
	wantErr(t, err, mpsc.ErrDisconnected)
	if se := err.(*mpsc.SendError[int]); se.Value != 10 {
		t.Fatalf("SendError.Value = %d, want 10", se.Value)
	}
}

func TestSyncOneshotTrySendNoReceiverWaiting(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	defer rx.Close()
	err := tx.TrySend(10)
	wantErr(t, err, mpsc.ErrFull)
	if se := err.(*mpsc.SendError[int]); se.Value != 10 {
		t.Fatalf("SendError.Value = %d, want 10", se.Value)
	}
}

func TestSyncOneshotTryRecvOpen(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	check(tx.Send(10))
	v, err := rx.Recv()
	wantValue(t, v, err, 10)
}

func TestSyncOneshotTryRecvClosed(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	tx.Close()
	_, err := rx.Recv()
	wantErr(t, err, mpsc.ErrDisconnected)
}

func TestSyncOneshotTryRecvClosedWithData(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	check(tx.Send(10))
	tx.Close()
	v, err := rx.TryRecv()
	wantValue(t, v, err, 10)
	_, err = rx.TryRecv()
	wantErr(t, err, mpsc.ErrDisconnected)
}

func TestSyncOneshotPeekData(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	_, err := rx.TryRecv()
	wantErr(t, err, mpsc.ErrEmpty)
	check(tx.Send(10))
	v, err := rx.TryRecv()
	wantValue(t, v, err, 10)
}

func TestSyncOneshotPeekClose(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	tx.Close()
	_, err := rx.TryRecv()
	wantErr(t, err, mpsc.ErrDisconnected)
	_, err = rx.TryRecv()
	wantErr(t, err, mpsc.ErrDisconnected)
}

func TestSyncOneshotPeekOpen(t *testing.T) {
	leak.Check(t)
	_, rx := mpsc.SyncChannel[int](0)
	_, err := rx.TryRecv()
	wantErr(t, err, mpsc.ErrEmpty)
}

func TestSyncOneshotMultiTaskRecvThenSend(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[*int](0)
	join := spawn(func() {
		if *get(rx.Recv()) != 10 {
			panic("wrong value")
		}
	})
	ten := 10
	check(tx.Send(&ten))
	joinAll(t, join)
}

func TestSyncOneshotMultiTaskRecvThenClose(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[*int](0)
	closer := spawn(tx.Close)
	receiver := spawn(func() { get(rx.Recv()) })
	if receiver() == nil {
		t.Fatal("Recv returned a value nobody sent")
	}
	joinAll(t, closer)
}

func TestSyncOneshotMultiThreadCloseStress(t *testing.T) {
	leak.Check(t)
	for range 200 {
		tx, rx := mpsc.SyncChannel[int](0)
		join := spawn(rx.Close)
		tx.Close()
		joinAll(t, join)
	}
}

func TestSyncOneshotMultiThreadSendCloseStress(t *testing.T) {
	leak.Check(t)
	for range 200 {
		tx, rx := mpsc.SyncChannel[int](0)
		closer := spawn(rx.Close)
		sender := spawn(func() { check(tx.Send(1)) })
		if sender() == nil {
			t.Fatal("a rendezvous Send returned without a receiver")
		}
		joinAll(t, closer)
	}
}

func TestSyncOneshotMultiThreadRecvCloseStress(t *testing.T) {
	leak.Check(t)
	for range 200 {
		tx, rx := mpsc.SyncChannel[int](0)
		receiver := spawn(func() { get(rx.Recv()) })
		closer := spawn(tx.Close)
		if receiver() == nil {
			t.Fatal("Recv returned a value nobody sent")
		}
		joinAll(t, closer)
	}
}

func TestSyncOneshotMultiThreadSendRecvStress(t *testing.T) {
	leak.Check(t)
	for range 200 {
		tx, rx := mpsc.SyncChannel[*int](0)
		join := spawn(func() {
			ten := 10
			check(tx.Send(&ten))
		})
		if *get(rx.Recv()) != 10 {
			t.Fatal("wrong value")
		}
		joinAll(t, join)
	}
}

func TestSyncStreamSendRecvStress(t *testing.T) {
	leak.Check(t)
	for range 20 {
		tx, rx := mpsc.SyncChannel[int](0)
		done := make(chan struct{}, 20)
		var send func(i int)
		send = func(i int) {
			if i == 10 {
				return
			}
			spawn(func() {
				defer func() { done <- struct{}{} }()
				check(tx.Send(i))
				send(i + 1)
			})
		}
		var recv func(i int)
		recv = func(i int) {
			if i == 10 {
				return
			}
			spawn(func() {
				defer func() { done <- struct{}{} }()
				if get(rx.Recv()) != i {
					panic("out of order")
				}
				recv(i + 1)
			})
		}
		send(0)
		recv(0)
		for range 20 {
			<-done
		}
	}
}

func TestSyncRecvALot(t *testing.T) {
	leak.Check(t)
	const count = 10000
	tx, rx := mpsc.SyncChannel[struct{}](count)
	for range count {
		check(tx.Send(struct{}{}))
	}
	for range count {
		get(rx.Recv())
	}
}

func TestSyncSharedStress(t *testing.T) {
	leak.Check(t)
	const total = 101
	tx, rx := mpsc.SyncChannel[struct{}](0)
	var joins []func() any
	for range total {
		tx := tx.Clone()
		joins = append(joins, spawn(func() {
			defer tx.Close()
			check(tx.Send(struct{}{}))
		}))
	}
	for range total {
		get(rx.Recv())
	}
	joinAll(t, joins...)
}

func TestSyncNestedRecvIter(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	totalTx, totalRx := mpsc.SyncChannel[int](0)
	join := spawn(func() {
		acc := 0
		for x := range rx.Iter() {
			acc += x
		}
		check(totalTx.Send(acc))
	})
	check(tx.Send(3))
	check(tx.Send(1))
	check(tx.Send(2))
	tx.Close()
	v, err := totalRx.Recv()
	wantValue(t, v, err, 6)
	joinAll(t, join)
}

func TestSyncRecvIterBreak(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	countTx, countRx := mpsc.SyncChannel[int](0)
	join := spawn(func() {
		count := 0
		for x := range rx.Iter() {
			if count >= 3 {
				break
			}
			count += x
		}
		check(countTx.Send(count))
	})
	check(tx.Send(2))
	check(tx.Send(2))
	check(tx.Send(2))
	_ = tx.TrySend(2)
	tx.Close()
	v, err := countRx.Recv()
	wantValue(t, v, err, 4)
	joinAll(t, join)
}

func TestSyncTryRecvStates(t *testing.T) {
	leak.Check(t)
	tx1, rx1 := mpsc.SyncChannel[int](1)
	tx2, rx2 := mpsc.SyncChannel[struct{}](1)
	tx3, rx3 := mpsc.SyncChannel[struct{}](1)
	join := spawn(func() {
		get(rx2.Recv())
		check(tx1.Send(1))
		check(tx3.Send(struct{}{}))
		get(rx2.Recv())
		tx1.Close()
		check(tx3.Send(struct{}{}))
	})
	_, err := rx1.TryRecv()
	wantErr(t, err, mpsc.ErrEmpty)
	check(tx2.Send(struct{}{}))
	get(rx3.Recv())
	v, err := rx1.TryRecv()
	wantValue(t, v, err, 1)
	_, err = rx1.TryRecv()
	wantErr(t, err, mpsc.ErrEmpty)
	check(tx2.Send(struct{}{}))
	get(rx3.Recv())
	_, err = rx1.TryRecv()
	wantErr(t, err, mpsc.ErrDisconnected)
	joinAll(t, join)
}

func TestSyncCloseReceiverAfterWaitWhileSenderActive(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[struct{}](0)
	tx2, rx2 := mpsc.SyncChannel[struct{}](0)
	join := spawn(func() {
		get(rx.Recv())
		rx.Close()
		check(tx2.Send(struct{}{}))
	})
	for range 100 {
		runtime.Gosched()
	}
	clone := tx.Clone()
	tx.Close()
	check(clone.Send(struct{}{}))
	get(rx2.Recv())
	joinAll(t, join)
}

func TestSyncSendToWaitingReceiver(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	join := spawn(func() { get(rx.Recv()) })
	wantErr(t, tx.Send(1), nil)
	joinAll(t, join)
}

func TestSyncSendWhileReceiverCloses(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	join := spawn(rx.Close)
	wantErr(t, tx.Send(1), mpsc.ErrDisconnected)
	joinAll(t, join)
}

func TestSyncSendToFullWhileReceiverCloses(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	wantErr(t, tx.Send(1), nil)
	join := spawn(rx.Close)
	wantErr(t, tx.Send(1), mpsc.ErrDisconnected)
	joinAll(t, join)
}

func TestSyncBlockedSendersSeeReceiverClose(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	tx2 := tx.Clone()
	done, doneRx := mpsc.Channel[struct{}]()
	done2 := done.Clone()
	t1 := spawn(func() {
		if tx.Send(1) == nil {
			panic("Send succeeded with nobody receiving")
		}
		check(done.Send(struct{}{}))
	})
	t2 := spawn(func() {
		if tx2.Send(2) == nil {
			panic("Send succeeded with nobody receiving")
		}
		check(done2.Send(struct{}{}))
	})
	rx.Close()
	get(doneRx.Recv())
	get(doneRx.Recv())
	joinAll(t, t1, t2)
}

func TestSyncTrySendRendezvousFull(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	defer rx.Close()
	wantErr(t, tx.TrySend(1), mpsc.ErrFull)
}

func TestSyncTrySendFull(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	defer rx.Close()
	wantErr(t, tx.TrySend(1), nil)
	wantErr(t, tx.TrySend(1), mpsc.ErrFull)
}

func TestSyncTrySendDisconnected(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	wantErr(t, tx.TrySend(1), nil)
	rx.Close()
	wantErr(t, tx.TrySend(1), mpsc.ErrDisconnected)
}

// Rust issue 15761.
func TestSyncTrySendReplies(t *testing.T) {
	leak.Check(t)
	for range 100 {
		tx1, rx1 := mpsc.SyncChannel[struct{}](3)
		tx2, rx2 := mpsc.SyncChannel[struct{}](3)
		join := spawn(func() {
			get(rx1.Recv())
			check(tx2.TrySend(struct{}{}))
		})
		check(tx1.TrySend(struct{}{}))
		get(rx2.Recv())
		joinAll(t, join)
	}
}

func TestSyncCloseReceiverDropsUnreceived(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[*[64]byte](1)
	w := sendWeak(tx)
	rx.Close()
	// Values are dropped at once in Rust; here the collector frees them as
	// soon as the channel lets go.
	eventually(t, "an unreceived value after Close of the receiver", func() bool {
		return w.Value() == nil
	})
	tx.Close()
}

// sendWeak sends a fresh value and returns a weak pointer to it, keeping no
// strong one.
func sendWeak(tx interface{ Send(*[64]byte) error }) weak.Pointer[[64]byte] {
	p := new([64]byte)
	w := weak.Make(p)
	check(tx.Send(p))
	return w
}
