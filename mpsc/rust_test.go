package mpsc_test

// The cases of Rust std's own test suite for mpsc::channel
// (library/std/tests/sync/mpsc.rs), carried over to fearless. A Rust test
// that expects a panic from unwrap() checks the error here instead; drop(x)
// is x.Close(); a spawned thread is a goroutine that the test joins, so that
// leak.Check sees none left.

import (
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

func TestChannelSmoke(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	check(tx.Send(1))
	v, err := rx.Recv()
	wantValue(t, v, err, 1)
}

func TestChannelCloseReceiverWithBufferedValue(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[*int]()
	check(tx.Send(new(int)))
	rx.Close()
	tx.Close()
}

func TestChannelCloseWithClonesAndBufferedValue(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[*int]()
	tx.Clone().Close()
	tx.Clone().Close()
	check(tx.Send(new(int)))
	rx.Close()
}

func TestChannelSmokeShared(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	check(tx.Send(1))
	v, err := rx.Recv()
	wantValue(t, v, err, 1)
	tx2 := tx.Clone()
	check(tx2.Send(1))
	v, err = rx.Recv()
	wantValue(t, v, err, 1)
}

func TestChannelSmokeThreads(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	join := spawn(func() { check(tx.Send(1)) })
	v, err := rx.Recv()
	wantValue(t, v, err, 1)
	joinAll(t, join)
}

func TestChannelSmokeReceiverGone(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	rx.Close()
	wantErr(t, tx.Send(1), mpsc.ErrDisconnected)
}

func TestChannelSmokeSharedReceiverGone(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	rx.Close()
	tx2 := tx.Clone()
	tx.Close()
	wantErr(t, tx2.Send(1), mpsc.ErrDisconnected)
}

func TestChannelReceiverGoneConcurrent(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	join := spawn(func() {
		get(rx.Recv())
		rx.Close()
	})
	for tx.Send(1) == nil {
	}
	joinAll(t, join)
}

func TestChannelReceiverGoneConcurrentShared(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	tx2 := tx.Clone()
	join := spawn(func() {
		get(rx.Recv())
		rx.Close()
	})
	for tx.Send(1) == nil && tx2.Send(1) == nil {
	}
	joinAll(t, join)
}

func TestChannelSmokeSendersGone(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	tx.Close()
	_, err := rx.Recv()
	wantErr(t, err, mpsc.ErrDisconnected)
}

func TestChannelSmokeSharedSendersGone(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[struct{}]()
	tx2 := tx.Clone()
	tx.Close()
	tx2.Close()
	_, err := rx.Recv()
	wantErr(t, err, mpsc.ErrDisconnected)
}

func TestChannelSendersGoneConcurrent(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	join := spawn(func() {
		defer tx.Close()
		check(tx.Send(1))
		check(tx.Send(1))
	})
	n := 0
	for {
		if _, err := rx.Recv(); err != nil {
			wantErr(t, err, mpsc.ErrDisconnected)
			break
		}
		n++
	}
	if n != 2 {
		t.Fatalf("received %d values, want 2", n)
	}
	joinAll(t, join)
}

func TestChannelStress(t *testing.T) {
	leak.Check(t)
	const count = 10000
	tx, rx := mpsc.Channel[int]()
	join := spawn(func() {
		defer tx.Close()
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

func TestChannelStressShared(t *testing.T) {
	leak.Check(t)
	const amount, threads = 10000, 8
	tx, rx := mpsc.Channel[int]()
	consumer := spawn(func() {
		for range amount * threads {
			if get(rx.Recv()) != 1 {
				panic("wrong value")
			}
		}
		if _, err := rx.TryRecv(); err == nil {
			panic("a value too many")
		}
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
	joinAll(t, append(joins, consumer)...)
}

func TestChannelSendFromOtherThread(t *testing.T) {
	leak.Check(t)
	tx1, rx1 := mpsc.Channel[struct{}]()
	tx2, rx2 := mpsc.Channel[int]()
	t1 := spawn(func() {
		check(tx1.Send(struct{}{}))
		for range 40 {
			if get(rx2.Recv()) != 1 {
				panic("wrong value")
			}
		}
	})
	get(rx1.Recv())
	t2 := spawn(func() {
		for range 40 {
			check(tx2.Send(1))
		}
	})
	joinAll(t, t1, t2)
}

func TestChannelRecvFromOtherThread(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	join := spawn(func() {
		for range 40 {
			if get(rx.Recv()) != 1 {
				panic("wrong value")
			}
		}
	})
	for range 40 {
		check(tx.Send(1))
	}
	joinAll(t, join)
}

func TestChannelTwoThreadsCrossTalk(t *testing.T) {
	leak.Check(t)
	tx1, rx1 := mpsc.Channel[int]()
	tx2, rx2 := mpsc.Channel[int]()
	t1 := spawn(func() {
		if get(rx1.Recv()) != 1 {
			panic("wrong value")
		}
		check(tx2.Send(2))
	})
	t2 := spawn(func() {
		check(tx1.Send(1))
		if get(rx2.Recv()) != 2 {
			panic("wrong value")
		}
	})
	joinAll(t, t1, t2)
}

func TestChannelOneshotCloseReceiverFirst(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	rx.Close()
	tx.Close()
}

func TestChannelOneshotCloseSenderFirst(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	tx.Close()
	rx.Close()
}

func TestChannelOneshotSendAfterReceiverClosed(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[*int]()
	rx.Close()
	p := new(int)
	err := tx.Send(p)
	wantErr(t, err, mpsc.ErrDisconnected)
	if se, ok := err.(*mpsc.SendError[*int]); !ok || se.Value != p {
		t.Fatalf("err = %#v, want a *SendError holding the value", err)
	}
}

func TestChannelOneshotRecvAfterSendersClosed(t *testing.T) {
	leak.Check(t)
	join := spawn(func() {
		tx, rx := mpsc.Channel[int]()
		tx.Close()
		get(rx.Recv()) // Rust's unwrap panics here
	})
	if join() == nil {
		t.Fatal("Recv on a disconnected channel returned no error")
	}
}

func TestChannelOneshotSendThenRecv(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[*int]()
	ten := 10
	check(tx.Send(&ten))
	if v := get(rx.Recv()); *v != 10 {
		t.Fatalf("got %d, want 10", *v)
	}
}

func TestChannelOneshotTrySendOpen(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	check(tx.Send(10))
	v, err := rx.Recv()
	wantValue(t, v, err, 10)
}

func TestChannelOneshotTrySendClosed(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	rx.Close()
	wantErr(t, tx.Send(10), mpsc.ErrDisconnected)
}

func TestChannelOneshotTryRecvOpen(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	check(tx.Send(10))
	v, err := rx.Recv()
	wantValue(t, v, err, 10)
}

func TestChannelOneshotTryRecvClosed(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	tx.Close()
	_, err := rx.Recv()
	wantErr(t, err, mpsc.ErrDisconnected)
}

func TestChannelOneshotPeekData(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	_, err := rx.TryRecv()
	wantErr(t, err, mpsc.ErrEmpty)
	check(tx.Send(10))
	v, err := rx.TryRecv()
	wantValue(t, v, err, 10)
}

func TestChannelOneshotPeekClose(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	tx.Close()
	_, err := rx.TryRecv()
	wantErr(t, err, mpsc.ErrDisconnected)
	_, err = rx.TryRecv()
	wantErr(t, err, mpsc.ErrDisconnected)
}

func TestChannelOneshotPeekOpen(t *testing.T) {
	leak.Check(t)
	_, rx := mpsc.Channel[int]()
	_, err := rx.TryRecv()
	wantErr(t, err, mpsc.ErrEmpty)
}

func TestChannelOneshotMultiTaskRecvThenSend(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[*int]()
	join := spawn(func() {
		if *get(rx.Recv()) != 10 {
			panic("wrong value")
		}
	})
	ten := 10
	check(tx.Send(&ten))
	joinAll(t, join)
}

func TestChannelOneshotMultiTaskRecvThenClose(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[*int]()
	closer := spawn(tx.Close)
	receiver := spawn(func() { get(rx.Recv()) })
	if receiver() == nil {
		t.Fatal("Recv returned a value nobody sent")
	}
	joinAll(t, closer)
}

func TestChannelOneshotMultiThreadCloseStress(t *testing.T) {
	leak.Check(t)
	for range 200 {
		tx, rx := mpsc.Channel[int]()
		join := spawn(rx.Close)
		tx.Close()
		joinAll(t, join)
	}
}

func TestChannelOneshotMultiThreadSendCloseStress(t *testing.T) {
	leak.Check(t)
	for range 200 {
		tx, rx := mpsc.Channel[int]()
		closer := spawn(rx.Close)
		sender := spawn(func() { check(tx.Send(1)) })
		sender() // may fail: the receiver may be gone
		joinAll(t, closer)
	}
}

func TestChannelOneshotMultiThreadRecvCloseStress(t *testing.T) {
	leak.Check(t)
	for range 200 {
		tx, rx := mpsc.Channel[int]()
		receiver := spawn(func() { get(rx.Recv()) })
		closer := spawn(tx.Close)
		if receiver() == nil {
			t.Fatal("Recv returned a value nobody sent")
		}
		joinAll(t, closer)
	}
}

func TestChannelOneshotMultiThreadSendRecvStress(t *testing.T) {
	leak.Check(t)
	for range 200 {
		tx, rx := mpsc.Channel[*int]()
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

// TestChannelStreamSendRecvStress hands the sender and the receiver on from
// goroutine to goroutine, each doing one operation.
func TestChannelStreamSendRecvStress(t *testing.T) {
	leak.Check(t)
	for range 20 {
		tx, rx := mpsc.Channel[int]()
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

func TestChannelOneshotRecvTimeout(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[struct{}]()
	check(tx.Send(struct{}{}))
	_, err := rx.RecvTimeout(time.Millisecond)
	wantErr(t, err, nil)
	_, err = rx.RecvTimeout(time.Millisecond)
	wantErr(t, err, mpsc.ErrTimeout)
	check(tx.Send(struct{}{}))
	_, err = rx.RecvTimeout(time.Millisecond)
	wantErr(t, err, nil)
}

// Rust sleeps between sends; 20 rounds of 2ms keep the test short. The
// count does not depend on the timing: a timeout just tries again.
func TestChannelStressRecvTimeoutTwoThreads(t *testing.T) {
	leak.Check(t)
	const stress = 20
	timeout := time.Millisecond
	tx, rx := mpsc.Channel[int]()
	join := spawn(func() {
		defer tx.Close()
		for i := range stress {
			if i%2 == 0 {
				time.Sleep(2 * timeout)
			}
			check(tx.Send(1))
		}
	})
	received := 0
	for {
		v, err := rx.RecvTimeout(timeout)
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
	if received != stress {
		t.Fatalf("received %d, want %d", received, stress)
	}
	joinAll(t, join)
}

func TestChannelRecvTimeoutWithClone(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[struct{}]()
	timeout := time.Millisecond
	clone := tx.Clone()
	defer clone.Close()
	start := time.Now()
	_, err := rx.RecvTimeout(timeout)
	wantErr(t, err, mpsc.ErrTimeout)
	if elapsed := time.Since(start); elapsed < timeout {
		t.Fatalf("RecvTimeout returned after %v, before its %v", elapsed, timeout)
	}
}

func TestChannelStressRecvTimeoutShared(t *testing.T) {
	leak.Check(t)
	const stress = 20
	tx, rx := mpsc.Channel[int]()
	var joins []func() any
	for i := range stress {
		tx := tx.Clone()
		joins = append(joins, spawn(func() {
			defer tx.Close()
			time.Sleep(time.Duration(i) * time.Millisecond)
			check(tx.Send(1))
		}))
	}
	tx.Close()
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
	if received != stress {
		t.Fatalf("received %d, want %d", received, stress)
	}
	joinAll(t, joins...)
}

func TestChannelVeryLongRecvTimeout(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[struct{}]()
	result := make(chan error, 1)
	join := spawn(func() {
		_, err := rx.RecvTimeout(time.Duration(math.MaxInt64))
		result <- err
	})
	check(tx.Send(struct{}{}))
	joinAll(t, join)
	wantErr(t, <-result, nil)
}

func TestChannelRecvALot(t *testing.T) {
	leak.Check(t)
	const count = 10000
	tx, rx := mpsc.Channel[struct{}]()
	for range count {
		check(tx.Send(struct{}{}))
	}
	for range count {
		get(rx.Recv())
	}
}

func TestChannelSharedRecvTimeout(t *testing.T) {
	leak.Check(t)
	const total = 5
	tx, rx := mpsc.Channel[struct{}]()
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
	_, err := rx.RecvTimeout(time.Millisecond)
	wantErr(t, err, mpsc.ErrTimeout)
	check(tx.Send(struct{}{}))
	_, err = rx.RecvTimeout(time.Millisecond)
	wantErr(t, err, nil)
	joinAll(t, joins...)
}

func TestChannelSharedStress(t *testing.T) {
	leak.Check(t)
	const total = 101
	tx, rx := mpsc.Channel[struct{}]()
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

func TestChannelNestedRecvIter(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	totalTx, totalRx := mpsc.Channel[int]()
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

func TestChannelRecvIterBreak(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	countTx, countRx := mpsc.Channel[int]()
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
	_ = tx.Send(2)
	tx.Close()
	v, err := countRx.Recv()
	wantValue(t, v, err, 4)
	joinAll(t, join)
}

func TestChannelRecvTryIter(t *testing.T) {
	leak.Check(t)
	requestTx, requestRx := mpsc.Channel[struct{}]()
	responseTx, responseRx := mpsc.Channel[int]()
	result := make(chan int, 1)
	// Request values until we have 6.
	join := spawn(func() {
		defer requestTx.Close()
		defer responseRx.Close()
		count := 0
		for {
			for x := range responseRx.TryIter() {
				count += x
				if count == 6 {
					result <- count
					return
				}
			}
			check(requestTx.Send(struct{}{}))
		}
	})
	for range requestRx.Iter() {
		if responseTx.Send(2) != nil {
			break
		}
	}
	joinAll(t, join)
	if got := <-result; got != 6 {
		t.Fatalf("count = %d, want 6", got)
	}
}

func TestChannelRecvIterAfterSenderClosed(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	check(tx.Send(1))
	check(tx.Send(2))
	tx.Close()
	var got []int
	for v := range rx.Iter() {
		got = append(got, v)
	}
	if len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Fatalf("Iter gave %v, want [1 2]", got)
	}
}

func TestChannelTryRecvStates(t *testing.T) {
	leak.Check(t)
	tx1, rx1 := mpsc.Channel[int]()
	tx2, rx2 := mpsc.Channel[struct{}]()
	tx3, rx3 := mpsc.Channel[struct{}]()
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

// Once a livelock in Rust's receiver destructor: close a receiver that
// waited once, while a clone of the sender is still used.
func TestChannelCloseReceiverAfterWaitWhileSenderActive(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[struct{}]()
	tx2, rx2 := mpsc.Channel[struct{}]()
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

// Rust issue 32114: a send after a failed send fails the same way.
func TestChannelSendTwiceToGoneReceiver(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	rx.Close()
	_ = tx.Send(123)
	err := tx.Send(123)
	wantErr(t, err, mpsc.ErrDisconnected)
	if se := err.(*mpsc.SendError[int]); se.Value != 123 {
		t.Fatalf("SendError.Value = %d, want 123", se.Value)
	}
}

// Rust issue 39364: a receiver timing out while a sender is cloned.
func TestChannelRecvTimeoutWhileCloning(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[struct{}]()
	handBack := make(chan *mpsc.Sender[struct{}], 1)
	join := spawn(func() {
		time.Sleep(3 * time.Millisecond)
		tx.Clone().Close()
		handBack <- tx
	})
	_, _ = rx.RecvTimeout(5 * time.Millisecond)
	joinAll(t, join)
	kept := <-handBack
	_, _ = rx.RecvTimeout(5 * time.Millisecond)
	kept.Close()
}
