package mpsc_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
	"weak"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

// flavours are the three kinds of channel, each made with one sender.
var flavours = []struct {
	name string
	make func() (sender, *mpsc.Receiver[int])
}{
	{"unbounded", func() (sender, *mpsc.Receiver[int]) {
		tx, rx := mpsc.Channel[int]()
		return unboundedSender{tx}, rx
	}},
	{"bounded", func() (sender, *mpsc.Receiver[int]) {
		tx, rx := mpsc.SyncChannel[int](4)
		return syncSender{tx}, rx
	}},
	{"rendezvous", func() (sender, *mpsc.Receiver[int]) {
		tx, rx := mpsc.SyncChannel[int](0)
		return syncSender{tx}, rx
	}},
}

// sender lets one test drive both kinds of sender handle.
type sender interface {
	Send(int) error
	Clone() sender
	Close()
}

type unboundedSender struct{ *mpsc.Sender[int] }

func (s unboundedSender) Clone() sender { return unboundedSender{s.Sender.Clone()} }

type syncSender struct{ *mpsc.SyncSender[int] }

func (s syncSender) Clone() sender { return syncSender{s.SyncSender.Clone()} }

func TestSendErrorGivesValueBack(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[string]()
	rx.Close()
	err := tx.Send("hello")
	var se *mpsc.SendError[string]
	if !errors.As(err, &se) || se.Value != "hello" || se.Err != mpsc.ErrDisconnected {
		t.Fatalf("err = %#v, want *SendError{hello, ErrDisconnected}", err)
	}
	if !errors.Is(err, mpsc.ErrDisconnected) || errors.Is(err, mpsc.ErrClosed) {
		t.Fatalf("errors.Is does not see through %v", err)
	}
	if msg := err.Error(); msg != "mpsc: send failed: channel disconnected" || strings.Contains(msg, "hello") {
		t.Fatalf("Error() = %q", msg)
	}
	if msg := (&mpsc.SendError[int]{}).Error(); msg != "mpsc: send failed" {
		t.Fatalf("Error() without Err = %q", msg)
	}
}

// Each misuse panics at once with a message naming the package, the call
// and the fix (the zero and nil handles are closed ones: see
// TestZeroAndNilHandlesAreClosed).
func TestMisusePanicsAtOnce(t *testing.T) {
	_, rx := mpsc.Channel[int]()
	defer rx.Close()
	stx, srx := mpsc.SyncChannel[int](1)
	defer srx.Close()
	defer stx.Close()
	var nilCtx context.Context // a nil Context, on purpose
	for _, c := range []struct {
		name string
		f    func()
		want string
	}{
		{"SyncChannel(-1)", func() { mpsc.SyncChannel[int](-1) }, "mpsc: SyncChannel: the bound -1 is negative; pass 0 for a rendezvous channel"},
		{"SyncChannel(1<<62)", func() { mpsc.SyncChannel[int](1 << 62) }, "mpsc: SyncChannel: the bound 4611686018427387904 needs a buffer of more than 1 TiB, allocated up front; pass a smaller bound, or use Channel"},
		{"SyncChannel of a large T", func() { mpsc.SyncChannel[[1 << 20]byte](1 << 21) }, "mpsc: SyncChannel: the bound 2097152 needs a buffer of more than 1 TiB"},
		{"RecvContext(nil)", func() { rx.RecvContext(nilCtx) }, "mpsc: Receiver.RecvContext: ctx is nil; pass context.Background()"},
		{"SendContext(nil)", func() { stx.SendContext(nilCtx, 1) }, "mpsc: SyncSender.SendContext: ctx is nil; pass context.Background()"},
		{"SelectContext(nil)", func() { mpsc.SelectContext(nilCtx, mpsc.Case(rx, nil)) }, "mpsc: SelectContext: ctx is nil; pass context.Background()"},
		// Usable zero values (the handles: TestZeroAndNilHandlesAreClosed).
		{"zero SelectCase", func() {
			if i := mpsc.TrySelect(mpsc.SelectCase{}); i != -1 {
				panic(fmt.Sprintf("TrySelect of a zero case = %d, want -1", i))
			}
		}, ""},
		{"zero SendError", func() { _ = (&mpsc.SendError[int]{}).Error() }, ""},
		{"zero Receiver's iterators", func() {
			var r mpsc.Receiver[int]
			for range r.Iter() {
				panic("a value from a zero Receiver")
			}
			for range r.TryIter() {
				panic("a value from a zero Receiver")
			}
			_ = r.Len()
		}, ""},
		{"Named on a zero Receiver", func() { new(mpsc.Receiver[int]).Named("x") }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := func() (msg string) {
				defer func() {
					if r := recover(); r != nil {
						msg = fmt.Sprint(r)
					}
				}()
				c.f()
				return ""
			}()
			if c.want == "" {
				if got != "" {
					t.Fatalf("panic = %q; want none", got)
				}
				return
			}
			if !strings.HasPrefix(got, c.want) {
				t.Fatalf("panic = %q; want %q", got, c.want)
			}
		})
	}
}

func TestSenderUseAfterClose(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours {
		t.Run(f.name, func(t *testing.T) {
			tx, rx := f.make()
			defer rx.Close()
			keep := tx.Clone() // the channel stays connected
			defer keep.Close()
			tx.Close()
			tx.Close() // idempotent
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
}

func TestSyncSenderUseAfterClose(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](1)
	defer rx.Close()
	tx.Close()
	ctx := context.Background()
	for _, err := range []error{tx.Send(1), tx.TrySend(1), tx.SendTimeout(1, time.Hour), tx.SendContext(ctx, 1)} {
		wantErr(t, err, mpsc.ErrClosed)
	}
}

func TestReceiverUseAfterClose(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours {
		t.Run(f.name, func(t *testing.T) {
			tx, rx := f.make()
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
			if rx.Len() != 0 {
				t.Fatal("Len of a closed receiver is not 0")
			}
			wantErr(t, tx.Send(1), mpsc.ErrDisconnected)
		})
	}
}

func TestZeroAndNilHandlesAreClosed(t *testing.T) {
	leak.Check(t)
	var s mpsc.Sender[int]
	var ss mpsc.SyncSender[int]
	var r mpsc.Receiver[int]
	var ns *mpsc.Sender[int]
	var nss *mpsc.SyncSender[int]
	var nr *mpsc.Receiver[int]
	for _, err := range []error{s.Send(1), ss.Send(1), ss.TrySend(1), ns.Send(1), nss.Send(1),
		s.Clone().Send(1), nss.Clone().Send(1)} {
		wantErr(t, err, mpsc.ErrClosed)
	}
	for _, rx := range []*mpsc.Receiver[int]{&r, nr} {
		_, err := rx.Recv()
		wantErr(t, err, mpsc.ErrClosed)
		_, err = rx.TryRecv()
		wantErr(t, err, mpsc.ErrClosed)
		rx.Close()
	}
	s.Close()
	ss.Close()
	ns.Close()
	nss.Close()
}

// TestDisconnectionIsExact: the receiver sees ErrDisconnected only once the
// last handle closed and only after the buffered values.
func TestDisconnectionIsExact(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours[:2] {
		t.Run(f.name, func(t *testing.T) {
			tx, rx := f.make()
			a, b := tx.Clone(), tx.Clone()
			check(a.Send(1))
			tx.Close()
			a.Close()
			check(b.Send(2))
			_, err := rx.TryRecv()
			wantErr(t, err, nil)
			_, err = rx.TryRecv()
			wantErr(t, err, nil)
			_, err = rx.TryRecv()
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
}

func TestBlockedReceiverSeesLastClose(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours {
		t.Run(f.name, func(t *testing.T) {
			tx, rx := f.make()
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
}

// TestReceiverCloseWakesOtherReceivers: goroutines sharing a receiver that
// block in Recv return ErrClosed when one of them closes it.
func TestReceiverCloseWakesOtherReceivers(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours {
		t.Run(f.name, func(t *testing.T) {
			tx, rx := f.make()
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
}

func TestBlockedSendersSeeReceiverClose(t *testing.T) {
	leak.Check(t)
	for _, bound := range []int{0, 1} {
		tx, rx := mpsc.SyncChannel[int](bound)
		if bound > 0 {
			check(tx.Send(0))
		}
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for i := range 4 {
			tx := tx.Clone()
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
}

func TestReceiverCloseReleasesBufferedValues(t *testing.T) {
	leak.Check(t)
	utx, urx := mpsc.Channel[*[64]byte]()
	btx, brx := mpsc.SyncChannel[*[64]byte](8)
	var ws []weak.Pointer[[64]byte]
	for range 100 { // more than one block of the unbounded flavour
		ws = append(ws, sendWeak(utx))
	}
	for range 8 {
		ws = append(ws, sendWeak(btx))
	}
	urx.Close()
	brx.Close()
	eventually(t, "buffered values released by Receiver.Close", func() bool {
		for _, w := range ws {
			if w.Value() != nil {
				return false
			}
		}
		return true
	})
	utx.Close()
	btx.Close()
}

func TestReceivedValuesAreNotRetained(t *testing.T) {
	leak.Check(t)
	utx, urx := mpsc.Channel[*[64]byte]()
	btx, brx := mpsc.SyncChannel[*[64]byte](8)
	defer utx.Close()
	defer btx.Close()
	uw, bw := sendWeak(utx), sendWeak(btx)
	get(urx.Recv())
	get(brx.Recv())
	eventually(t, "received values released by the channel", func() bool {
		return uw.Value() == nil && bw.Value() == nil
	})
	urx.Close()
	brx.Close()
}

func TestRecvContext(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours {
		t.Run(f.name, func(t *testing.T) {
			tx, rx := f.make()
			defer tx.Close()
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			_, err := rx.RecvContext(ctx)
			wantErr(t, err, context.Canceled)
			ctx, cancel = context.WithTimeout(context.Background(), time.Millisecond)
			defer cancel()
			_, err = rx.RecvContext(ctx)
			wantErr(t, err, context.DeadlineExceeded)
			// A context cancelled while Recv waits.
			ctx, cancel = context.WithCancel(context.Background())
			result := make(chan error, 1)
			join := spawn(func() {
				_, err := rx.RecvContext(ctx)
				result <- err
			})
			cancel()
			joinAll(t, join)
			wantErr(t, <-result, context.Canceled)
			// A value that arrives in time.
			join = spawn(func() { check(tx.Send(5)) })
			v, err := rx.RecvContext(context.Background())
			wantValue(t, v, err, 5)
			joinAll(t, join)
			rx.Close()
		})
	}
}

func TestRecvContextTakesReadyValue(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.Channel[int]()
	check(tx.Send(1))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	v, err := rx.RecvContext(ctx)
	wantValue(t, v, err, 1)
}

func TestSendContext(t *testing.T) {
	leak.Check(t)
	for _, bound := range []int{0, 1} {
		tx, rx := mpsc.SyncChannel[int](bound)
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
		// Room (or a receiver) in time.
		join = spawn(func() { check(tx.SendContext(context.Background(), 11)) })
		if bound > 0 {
			wantValue(t, get(rx.Recv()), nil, 0)
		}
		wantValue(t, get(rx.Recv()), nil, 11)
		joinAll(t, join)
		rx.Close()
		tx.Close()
	}
}

func TestSendTimeoutRendezvous(t *testing.T) {
	leak.Check(t)
	tx, rx := mpsc.SyncChannel[int](0)
	defer rx.Close()
	start := time.Now()
	err := tx.SendTimeout(1, 2*time.Millisecond)
	wantErr(t, err, mpsc.ErrTimeout)
	if time.Since(start) < 2*time.Millisecond {
		t.Fatal("SendTimeout returned before its timeout")
	}
	wantErr(t, tx.SendTimeout(1, 0), mpsc.ErrTimeout)
	wantErr(t, tx.SendTimeout(1, -time.Second), mpsc.ErrTimeout)
	join := spawn(func() { check(tx.SendTimeout(2, time.Hour)) })
	wantValue(t, get(rx.Recv()), nil, 2)
	joinAll(t, join)
}

func TestRecvTimeoutZeroDoesNotWait(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours {
		tx, rx := f.make()
		_, err := rx.RecvTimeout(0)
		wantErr(t, err, mpsc.ErrTimeout)
		_, err = rx.RecvTimeout(-time.Hour)
		wantErr(t, err, mpsc.ErrTimeout)
		tx.Close()
		_, err = rx.RecvTimeout(0)
		wantErr(t, err, mpsc.ErrDisconnected)
	}
}

func TestLen(t *testing.T) {
	leak.Check(t)
	utx, urx := mpsc.Channel[int]()
	btx, brx := mpsc.SyncChannel[int](3)
	for i := range 200 {
		check(utx.Send(i))
		if n := urx.Len(); n != i+1 {
			t.Fatalf("unbounded Len = %d, want %d", n, i+1)
		}
	}
	for i := range 200 {
		get(urx.Recv())
		if n := urx.Len(); n != 199-i {
			t.Fatalf("unbounded Len = %d, want %d", n, 199-i)
		}
	}
	for round := range 5 {
		for i := range 3 {
			check(btx.Send(i))
			if n := brx.Len(); n != i+1 {
				t.Fatalf("round %d: bounded Len = %d, want %d", round, n, i+1)
			}
		}
		for i := range 3 {
			get(brx.Recv())
			if n := brx.Len(); n != 2-i {
				t.Fatalf("round %d: bounded Len = %d, want %d", round, n, 2-i)
			}
		}
	}
}

// TestSharedReceiver is the seeds' worker pool: several goroutines receive
// from one receiver; each value goes to exactly one of them.
func TestSharedReceiver(t *testing.T) {
	leak.Check(t)
	for _, f := range flavours {
		t.Run(f.name, func(t *testing.T) {
			const n = 2000
			tx, rx := f.make()
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
}
