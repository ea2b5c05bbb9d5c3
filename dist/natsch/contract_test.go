package natsch_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/mpsc"
)

// wide is a timeout that a correct channel never reaches: it only bounds
// how long a broken one hangs a test.
const wide = 30 * time.Second

func TestSendErrorGivesValueBack(t *testing.T) {
	eachKind(t, 3, func(t *testing.T, mk func() (sender, receiver)) {
		tx, rx := mk()
		defer tx.Close()
		rx.Close()
		err := tx.Send(42)
		var se *mpsc.SendError[int]
		if !errors.As(err, &se) || se.Value != 42 || se.Err != mpsc.ErrDisconnected {
			t.Fatalf("err = %#v, want *SendError{42, ErrDisconnected}", err)
		}
		if !errors.Is(err, mpsc.ErrDisconnected) || errors.Is(err, mpsc.ErrClosed) {
			t.Fatalf("errors.Is does not see through %v", err)
		}
	})
}

func TestSenderUseAfterClose(t *testing.T) {
	eachKind(t, 3, func(t *testing.T, mk func() (sender, receiver)) {
		tx, rx := mk()
		defer rx.Close()
		keep := tx.Clone()
		defer keep.Close()
		tx.Close()
		tx.Close()
		err := tx.Send(7)
		wantErr(t, err, mpsc.ErrClosed)
		if v := err.(*mpsc.SendError[int]).Value; v != 7 {
			t.Fatalf("SendError.Value = %d, want 7", v)
		}
		clone := tx.Clone()
		wantErr(t, clone.Send(1), mpsc.ErrClosed)
		clone.Close()
		_, err = rx.TryRecv()
		wantErr(t, err, mpsc.ErrEmpty) // keep is still open
	})
}

func TestSyncSenderUseAfterClose(t *testing.T) {
	eachFactory(t, func(t *testing.T, e env) {
		tx, rx := e.syncChannel(1)
		defer rx.Close()
		tx.Close()
		ctx := context.Background()
		for _, err := range []error{tx.Send(1), tx.TrySend(1), tx.SendTimeout(1, time.Hour), tx.SendContext(ctx, 1)} {
			wantErr(t, err, mpsc.ErrClosed)
		}
	})
}

func TestReceiverUseAfterClose(t *testing.T) {
	eachKind(t, 3, func(t *testing.T, mk func() (sender, receiver)) {
		tx, rx := mk()
		defer tx.Close()
		rx.Close()
		rx.Close()
		for _, recv := range []func() (int, error){
			rx.Recv, rx.TryRecv,
			func() (int, error) { return rx.RecvTimeout(time.Hour) },
			func() (int, error) { return rx.RecvContext(context.Background()) },
		} {
			_, err := recv()
			wantErr(t, err, mpsc.ErrClosed)
		}
		for range rx.Iter() {
			t.Fatal("Iter of a closed receiver yielded")
		}
		wantErr(t, tx.Send(1), mpsc.ErrDisconnected)
	})
}

// TestDisconnectionIsExact: the receiver sees ErrDisconnected only once the
// last handle closed and only after the values sent.
func TestDisconnectionIsExact(t *testing.T) {
	eachKind(t, 2, func(t *testing.T, mk func() (sender, receiver)) {
		tx, rx := mk()
		defer rx.Close()
		a, b := tx.Clone(), tx.Clone()
		check(a.Send(1))
		tx.Close()
		a.Close()
		check(b.Send(2))
		wantValue(t, get(rx.RecvTimeout(wide)), nil, 1)
		wantValue(t, get(rx.RecvTimeout(wide)), nil, 2)
		_, err := rx.TryRecv()
		wantErr(t, err, mpsc.ErrEmpty) // b is open
		check(b.Send(3))
		b.Close()
		v, err := rx.Recv()
		wantValue(t, v, err, 3)
		_, err = rx.Recv()
		wantErr(t, err, mpsc.ErrDisconnected)
		if b.Clone().Send(4) == nil {
			t.Fatal("a clone reconnected a disconnected channel")
		}
	})
}

func TestBlockedReceiverSeesLastClose(t *testing.T) {
	eachKind(t, 3, func(t *testing.T, mk func() (sender, receiver)) {
		tx, rx := mk()
		defer rx.Close()
		result := make(chan error, 1)
		join := spawn(func() {
			_, err := rx.Recv()
			result <- err
		})
		tx.Close()
		joinAll(t, join)
		wantErr(t, <-result, mpsc.ErrDisconnected)
	})
}

func TestReceiverCloseWakesOtherReceivers(t *testing.T) {
	eachKind(t, 3, func(t *testing.T, mk func() (sender, receiver)) {
		tx, rx := mk()
		defer tx.Close()
		var wg sync.WaitGroup
		errs := make(chan error, 3)
		for range 3 {
			wg.Go(func() {
				_, err := rx.Recv()
				errs <- err
			})
		}
		rx.Close()
		wg.Wait()
		for range 3 {
			wantErr(t, <-errs, mpsc.ErrClosed)
		}
	})
}

func TestBlockedSendersSeeReceiverClose(t *testing.T) {
	eachFactory(t, func(t *testing.T, e env) {
		for _, bound := range []int{0, 1} {
			tx, rx := e.syncChannel(bound)
			if bound > 0 {
				check(tx.Send(0))
			}
			var wg sync.WaitGroup
			errs := make(chan error, 4)
			for i := range 4 {
				tx := tx.CloneSync()
				wg.Go(func() {
					defer tx.Close()
					errs <- tx.Send(i + 1)
				})
			}
			rx.Close()
			wg.Wait()
			tx.Close()
			for range 4 {
				wantErr(t, <-errs, mpsc.ErrDisconnected)
			}
		}
	})
}

func TestRecvContext(t *testing.T) {
	eachKind(t, 3, func(t *testing.T, mk func() (sender, receiver)) {
		tx, rx := mk()
		defer tx.Close()
		defer rx.Close()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := rx.RecvContext(ctx)
		wantErr(t, err, context.Canceled)
		ctx, cancel = context.WithTimeout(context.Background(), time.Millisecond)
		defer cancel()
		_, err = rx.RecvContext(ctx)
		wantErr(t, err, context.DeadlineExceeded)
		ctx, cancel = context.WithCancel(context.Background())
		result := make(chan error, 1)
		join := spawn(func() {
			_, err := rx.RecvContext(ctx)
			result <- err
		})
		cancel()
		joinAll(t, join)
		wantErr(t, <-result, context.Canceled)
		join = spawn(func() { check(tx.Send(5)) })
		v, err := rx.RecvContext(context.Background())
		wantValue(t, v, err, 5)
		joinAll(t, join)
	})
}

func TestSendContext(t *testing.T) {
	eachFactory(t, func(t *testing.T, e env) {
		for _, bound := range []int{0, 1} {
			tx, rx := e.syncChannel(bound)
			if bound > 0 {
				check(tx.Send(0))
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			err := tx.SendContext(ctx, 9)
			wantErr(t, err, context.Canceled)
			if v := err.(*mpsc.SendError[int]).Value; v != 9 {
				t.Fatalf("SendError.Value = %d, want 9", v)
			}
			ctx, cancel = context.WithCancel(context.Background())
			result := make(chan error, 1)
			join := spawn(func() { result <- tx.SendContext(ctx, 10) })
			cancel()
			joinAll(t, join)
			wantErr(t, <-result, context.Canceled)
			join = spawn(func() { check(tx.SendContext(context.Background(), 11)) })
			if bound > 0 {
				wantValue(t, get(rx.Recv()), nil, 0)
			}
			wantValue(t, get(rx.Recv()), nil, 11)
			joinAll(t, join)
			rx.Close()
			tx.Close()
		}
	})
}

func TestSendTimeoutRendezvous(t *testing.T) {
	eachFactory(t, func(t *testing.T, e env) {
		tx, rx := e.syncChannel(0)
		defer rx.Close()
		defer tx.Close()
		start := time.Now()
		err := tx.SendTimeout(1, 20*time.Millisecond)
		wantErr(t, err, mpsc.ErrTimeout)
		if time.Since(start) < 20*time.Millisecond {
			t.Fatal("SendTimeout returned before its timeout")
		}
		wantErr(t, tx.SendTimeout(1, 0), mpsc.ErrTimeout)
		wantErr(t, tx.SendTimeout(1, -time.Second), mpsc.ErrTimeout)
		join := spawn(func() { check(tx.SendTimeout(2, wide)) })
		wantValue(t, get(rx.Recv()), nil, 2)
		joinAll(t, join)
		// The value that timed out was taken back: it never arrives.
		_, err = rx.TryRecv()
		wantErr(t, err, mpsc.ErrEmpty)
	})
}

func TestTrySendBounded(t *testing.T) {
	eachFactory(t, func(t *testing.T, e env) {
		tx, rx := e.syncChannel(2)
		defer rx.Close()
		check(tx.TrySend(1))
		check(tx.TrySend(2))
		err := tx.TrySend(3)
		wantErr(t, err, mpsc.ErrFull)
		if v := err.(*mpsc.SendError[int]).Value; v != 3 {
			t.Fatalf("SendError.Value = %d, want 3", v)
		}
		wantErr(t, tx.SendTimeout(3, 20*time.Millisecond), mpsc.ErrTimeout)
		wantValue(t, get(rx.Recv()), nil, 1)
		check(tx.SendTimeout(3, wide)) // room comes back once 1 was received
		tx.Close()
		wantValue(t, get(rx.Recv()), nil, 2)
		wantValue(t, get(rx.Recv()), nil, 3)
		_, err = rx.Recv()
		wantErr(t, err, mpsc.ErrDisconnected)
	})
}

func TestTrySendRendezvousWithoutReceiver(t *testing.T) {
	eachFactory(t, func(t *testing.T, e env) {
		tx, rx := e.syncChannel(0)
		defer rx.Close()
		defer tx.Close()
		wantErr(t, tx.TrySend(1), mpsc.ErrFull)
		_, err := rx.TryRecv()
		wantErr(t, err, mpsc.ErrEmpty)
	})
}

func TestRecvTimeoutZeroDoesNotWait(t *testing.T) {
	eachKind(t, 3, func(t *testing.T, mk func() (sender, receiver)) {
		tx, rx := mk()
		defer rx.Close()
		_, err := rx.RecvTimeout(0)
		wantErr(t, err, mpsc.ErrTimeout)
		_, err = rx.RecvTimeout(-time.Hour)
		wantErr(t, err, mpsc.ErrTimeout)
		tx.Close()
		_, err = rx.RecvTimeout(0)
		wantErr(t, err, mpsc.ErrDisconnected)
	})
}

// TestBackpressure: a blocked Send waits until a receive makes room, and
// the bound is never passed.
func TestBackpressure(t *testing.T) {
	eachFactory(t, func(t *testing.T, e env) {
		const bound, n = 3, 60
		tx, rx := e.syncChannel(bound)
		defer rx.Close()
		join := spawn(func() {
			defer tx.Close()
			for i := range n {
				check(tx.Send(i))
			}
		})
		for i := range n {
			wantValue(t, get(rx.RecvTimeout(wide)), nil, i)
		}
		joinAll(t, join)
		_, err := rx.Recv()
		wantErr(t, err, mpsc.ErrDisconnected)
	})
}

// TestPerSenderOrder: values of each sender arrive in the order sent.
func TestPerSenderOrder(t *testing.T) {
	eachKind(t, 3, func(t *testing.T, mk func() (sender, receiver)) {
		const senders, n = 3, 200
		tx, rx := mk()
		defer rx.Close()
		var joins []func() any
		for s := range senders {
			tx := tx.Clone()
			joins = append(joins, spawn(func() {
				defer tx.Close()
				for i := range n {
					check(tx.Send(s*n + i))
				}
			}))
		}
		tx.Close()
		next := make([]int, senders)
		for v := range rx.Iter() {
			s, i := v/n, v%n
			if i != next[s] {
				t.Fatalf("sender %d: got %d, want %d", s, i, next[s])
			}
			next[s]++
		}
		joinAll(t, joins...)
		for s, c := range next {
			if c != n {
				t.Fatalf("sender %d: %d values received, want %d", s, c, n)
			}
		}
	})
}

// TestSharedReceiver is the seeds' worker pool: several goroutines receive
// from one receiver; each value goes to exactly one of them.
func TestSharedReceiver(t *testing.T) {
	eachKind(t, 3, func(t *testing.T, mk func() (sender, receiver)) {
		const n = 500
		tx, rx := mk()
		defer rx.Close()
		var mu sync.Mutex
		seen := make([]int, n)
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for v := range rx.Iter() {
					mu.Lock()
					seen[v]++
					mu.Unlock()
				}
			})
		}
		for i := range n {
			check(tx.Send(i))
		}
		tx.Close()
		wg.Wait()
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("value %d received %d times", i, c)
			}
		}
	})
}
