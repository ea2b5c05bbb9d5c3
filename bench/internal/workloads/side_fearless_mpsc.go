package workloads

import (
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// fearless mpsc: Channel for unbounded, SyncChannel(cap) for the rest;
// producers are clones of the sender and close them when done, as in Rust.
func init() {
	t := map[string]harness.Impl{}
	for _, f := range flavors {
		mk := fMaker(f.name == "unbounded", f.cap)
		if fast(f.name) {
			t[chanName(f.name, "seq")] = fSeq(mk)
		}
		t[chanName(f.name, "spsc")] = fProducers(mk, 1, 1)
		t[chanName(f.name, "mpsc")] = fProducers(mk, T, 1)
		t[chanName(f.name, "mpmc")] = fProducers(mk, T, T)
		t[chanName(f.name, "select2")] = fSelect2(mk)
	}
	t["latency/pingpong"] = fPingPong
	harness.Default.Register(harness.SideFearless, t)
}

// fSender is what Sender and SyncSender have in common.
type fSender interface {
	Send(int) error
	Close()
}

type fChan struct {
	tx    fSender
	clone func() fSender
	rx    *mpsc.Receiver[int]
}

func fMaker(unbounded bool, capf func(int) int) func(n int) fChan {
	if unbounded {
		return func(int) fChan {
			tx, rx := mpsc.Channel[int]()
			return fChan{tx, func() fSender { return tx.Clone() }, rx}
		}
	}
	return func(n int) fChan {
		tx, rx := mpsc.SyncChannel[int](capf(n))
		return fChan{tx, func() fSender { return tx.Clone() }, rx}
	}
}

func fSeq(mk func(int) fChan) harness.Impl {
	return func(n int) func() error {
		return func() error {
			c := mk(n)
			defer c.rx.Close()
			defer c.tx.Close()
			for i := range n {
				if err := c.tx.Send(i); err != nil {
					return err
				}
			}
			sum := 0
			for range n {
				v, err := c.rx.Recv()
				if err != nil {
					return err
				}
				sum += v
			}
			return checkSum(sum, n)
		}
	}
}

// fProducers runs the spsc, mpsc and mpmc shapes: each producer sends its
// share of 0..n on its own clone; each consumer receives its share from the
// one shared Receiver.
func fProducers(mk func(int) fChan, producers, consumers int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			c := mk(n)
			defer c.rx.Close()
			per := n / producers
			total := per * producers
			var sum atomic.Int64
			var firstErr atomic.Pointer[error]
			fail := func(err error) { firstErr.CompareAndSwap(nil, &err) }
			thread.Scope(func(s *thread.ScopeHandle) struct{} {
				for p := range producers {
					tx := c.clone()
					s.Go(func() {
						defer tx.Close()
						for i := p * per; i < (p+1)*per; i++ {
							if err := tx.Send(i); err != nil {
								fail(err)
								return
							}
						}
					})
				}
				c.tx.Close()
				for k := range consumers {
					share := total / consumers
					if k == 0 {
						share += total % consumers
					}
					s.Go(func() {
						local := 0
						for range share {
							v, err := c.rx.Recv()
							if err != nil {
								fail(err)
								return
							}
							local += v
						}
						sum.Add(int64(local))
					})
				}
				return struct{}{}
			})
			if e := firstErr.Load(); e != nil {
				return *e
			}
			return checkSum(int(sum.Load()), total)
		}
	}
}

// fSelect2: a consumer selects over two receivers; a case whose channel
// disconnects is switched off with a nil receiver, as a nil chan in Go.
func fSelect2(mk func(int) fChan) harness.Impl {
	return func(n int) func() error {
		return func() error {
			a, b := mk(n), mk(n)
			defer a.rx.Close()
			defer b.rx.Close()
			half := n / 2
			produce := func(tx fSender, lo, hi int) {
				defer tx.Close()
				for i := lo; i < hi; i++ {
					if tx.Send(i) != nil {
						return
					}
				}
			}
			go produce(a.tx, 0, half)
			go produce(b.tx, half, 2*half)
			sum, got := 0, 0
			var rerr error
			gone := -1
			recv := func(k int) func(int, error) {
				return func(v int, err error) {
					switch {
					case err == nil:
						sum += v
						got++
					case errors.Is(err, mpsc.ErrDisconnected):
						gone = k
					default:
						rerr = err
					}
				}
			}
			cases := []mpsc.SelectCase{mpsc.Case(a.rx, recv(0)), mpsc.Case(b.rx, recv(1))}
			for got < 2*half {
				if mpsc.Select(cases...) < 0 {
					return fmt.Errorf("select: both channels disconnected after %d of %d messages", got, 2*half)
				}
				if rerr != nil {
					return rerr
				}
				if gone >= 0 {
					cases[gone], gone = mpsc.Case[int](nil, nil), -1
				}
			}
			return checkSum(sum, 2*half)
		}
	}
}

func fPingPong(n int) func() error {
	return func() error {
		pingTx, pingRx := mpsc.SyncChannel[int](0)
		pongTx, pongRx := mpsc.SyncChannel[int](0)
		defer pongRx.Close()
		echo := thread.Go(func() {
			defer pongTx.Close()
			for v := range pingRx.Iter() {
				if pongTx.Send(v+1) != nil {
					return
				}
			}
		})
		v := 0
		for range n {
			if err := pingTx.Send(v); err != nil {
				return err
			}
			var err error
			if v, err = pongRx.Recv(); err != nil {
				return err
			}
		}
		pingTx.Close()
		if _, err := echo.Join(); err != nil {
			return err
		}
		if v != n {
			return fmt.Errorf("ping-pong ended at %d, want %d", v, n)
		}
		return nil
	}
}
