package mpsc_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/fearlessgo/fearless/internal/cputime"
	"github.com/fearlessgo/fearless/mpsc"
)

// The benchmarks run each workload on fearless and on the Go channel that
// does the same job, as sub-benchmarks impl=fearless and impl=chan, so that
// one run compares them:
//
//	go test -run '^$' -bench . -count 10 ./mpsc > bench.txt
//	benchstat -col /impl bench.txt
//
// One op is one message delivered (for ping-pong: one round trip).

// split gives producer p of ps its share of n messages.
func split(n, p, ps int) int {
	share := n / ps
	if p == 0 {
		share += n % ps
	}
	return share
}

func BenchmarkUnbounded(b *testing.B) {
	for _, producers := range []int{1, 4} {
		b.Run(fmt.Sprintf("producers=%d/impl=fearless", producers), func(b *testing.B) {
			b.ReportAllocs()
			cputime.Report(b)
			tx, rx := mpsc.Channel[int]()
			var wg sync.WaitGroup
			for p := range producers {
				tx := tx.Clone()
				wg.Go(func() {
					defer tx.Close()
					for i := range split(b.N, p, producers) {
						if err := tx.Send(i); err != nil {
							panic(err)
						}
					}
				})
			}
			tx.Close()
			for range b.N {
				if _, err := rx.Recv(); err != nil {
					b.Fatal(err)
				}
			}
			wg.Wait()
		})
		b.Run(fmt.Sprintf("producers=%d/impl=chan", producers), func(b *testing.B) {
			b.ReportAllocs()
			cputime.Report(b)
			benchChan(b, make(chan int, 1024), producers)
		})
	}
}

func BenchmarkBounded1024(b *testing.B) { benchBounded(b, 1024) }

// BenchmarkBounded1: a buffer of one, so that a sender blocks on almost
// every message and each receive wakes one: the cost of a park and a wake.
func BenchmarkBounded1(b *testing.B) { benchBounded(b, 1) }

// BenchmarkRendezvous: SyncChannel(0) against an unbuffered chan, every
// send waiting for the receiver.
func BenchmarkRendezvous(b *testing.B) { benchBounded(b, 0) }

// benchBounded sends b.N messages through SyncChannel(capacity) and a chan
// of the same capacity, from 1 and from 4 producers to one consumer.
func benchBounded(b *testing.B, capacity int) {
	for _, producers := range []int{1, 4} {
		b.Run(fmt.Sprintf("producers=%d/impl=fearless", producers), func(b *testing.B) {
			b.ReportAllocs()
			cputime.Report(b)
			tx, rx := mpsc.SyncChannel[int](capacity)
			var wg sync.WaitGroup
			for p := range producers {
				tx := tx.Clone()
				wg.Go(func() {
					defer tx.Close()
					for i := range split(b.N, p, producers) {
						if err := tx.Send(i); err != nil {
							panic(err)
						}
					}
				})
			}
			tx.Close()
			for range b.N {
				if _, err := rx.Recv(); err != nil {
					b.Fatal(err)
				}
			}
			wg.Wait()
		})
		b.Run(fmt.Sprintf("producers=%d/impl=chan", producers), func(b *testing.B) {
			b.ReportAllocs()
			cputime.Report(b)
			benchChan(b, make(chan int, capacity), producers)
		})
	}
}

func benchChan(b *testing.B, ch chan int, producers int) {
	var wg sync.WaitGroup
	for p := range producers {
		wg.Go(func() {
			for i := range split(b.N, p, producers) {
				ch <- i
			}
		})
	}
	for range b.N {
		<-ch
	}
	wg.Wait()
}

// BenchmarkRendezvousPingPong: one op is a round trip over two rendezvous
// channels, a request and its reply.
func BenchmarkRendezvousPingPong(b *testing.B) {
	b.Run("impl=fearless", func(b *testing.B) {
		b.ReportAllocs()
		cputime.Report(b)
		ping, pings := mpsc.SyncChannel[int](0)
		pong, pongs := mpsc.SyncChannel[int](0)
		var wg sync.WaitGroup
		wg.Go(func() {
			defer pong.Close()
			for v := range pings.Iter() {
				if err := pong.Send(v); err != nil {
					panic(err)
				}
			}
		})
		for i := range b.N {
			if err := ping.Send(i); err != nil {
				b.Fatal(err)
			}
			if _, err := pongs.Recv(); err != nil {
				b.Fatal(err)
			}
		}
		ping.Close()
		wg.Wait()
	})
	b.Run("impl=chan", func(b *testing.B) {
		b.ReportAllocs()
		cputime.Report(b)
		ping := make(chan int)
		pong := make(chan int)
		var wg sync.WaitGroup
		wg.Go(func() {
			defer close(pong)
			for v := range ping {
				pong <- v
			}
		})
		for i := range b.N {
			ping <- i
			<-pong
		}
		close(ping)
		wg.Wait()
	})
}

// BenchmarkSelect2Bounded1: two producers on two SyncChannel(1) channels,
// one consumer selecting over both; Select against Go's select statement.
func BenchmarkSelect2Bounded1(b *testing.B) {
	b.Run("impl=fearless", func(b *testing.B) {
		b.ReportAllocs()
		cputime.Report(b)
		var wg sync.WaitGroup
		var rxs [2]*mpsc.Receiver[int]
		for p := range rxs {
			tx, rx := mpsc.SyncChannel[int](1)
			rxs[p] = rx
			wg.Go(func() {
				defer tx.Close()
				for i := range split(b.N, p, 2) {
					if err := tx.Send(i); err != nil {
						panic(err)
					}
				}
			})
		}
		got, gone := 0, -1
		count := func(k int) func(int, error) {
			return func(_ int, err error) {
				if err == nil {
					got++
				} else {
					gone = k // switch the case off, as a nil chan in Go
				}
			}
		}
		cases := []mpsc.SelectCase{mpsc.Case(rxs[0], count(0)), mpsc.Case(rxs[1], count(1))}
		for got < b.N {
			if mpsc.Select(cases...) < 0 {
				b.Fatal("both channels disconnected early")
			}
			if gone >= 0 {
				cases[gone], gone = mpsc.Case[int](nil, nil), -1
			}
		}
		wg.Wait()
	})
	b.Run("impl=chan", func(b *testing.B) {
		b.ReportAllocs()
		cputime.Report(b)
		var wg sync.WaitGroup
		var chs [2]chan int
		for p := range chs {
			chs[p] = make(chan int, 1)
			wg.Go(func() {
				for i := range split(b.N, p, 2) {
					chs[p] <- i
				}
			})
		}
		for range b.N {
			select {
			case <-chs[0]:
			case <-chs[1]:
			}
		}
		wg.Wait()
	})
}
