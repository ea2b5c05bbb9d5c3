package natsch_test

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/dist/natsch"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/nats-io/nats.go/jetstream"
)

// The benchmarks compare natsch with the same work done on JetStream by
// hand: each value published with a message id and its acknowledgement
// awaited, fetched by a pull consumer, acknowledged with DoubleAck (the
// server confirms), eight acknowledgements in flight as natsch has. Each
// round sends roundValues values through natsch and then through the
// hand-written code, on one embedded server, and the ratio of their times
// is reported: its median, its quartiles, and the fastest and slowest
// round. Short rounds, each of both run back to back in turns of order,
// keep a machine whose load changes from favouring either.

const roundValues = 256

// BenchmarkRatio: one b.N iteration is one round of each.
func BenchmarkRatio(b *testing.B) {
	for _, senders := range []int{1, 8} {
		name := "unbatched"
		if senders > 1 {
			name = "batched"
		}
		b.Run(name, func(b *testing.B) {
			s := natstest.Start(b)
			js := s.JetStream()
			nat := newNatsRound(b, js, "bench"+name, senders)
			raw := newRawRound(b, js, "RAW"+name, senders)
			var ratios []float64
			var natTotal, rawTotal time.Duration
			for i := 0; b.Loop(); i++ {
				var tn, tr time.Duration
				if i%2 == 0 {
					tn = nat.run()
					tr = raw.run()
				} else {
					tr = raw.run()
					tn = nat.run()
				}
				natTotal += tn
				rawTotal += tr
				ratios = append(ratios, tn.Seconds()/tr.Seconds())
			}
			slices.Sort(ratios)
			b.ReportMetric(ratios[len(ratios)/2], "x-raw-median")
			b.ReportMetric(ratios[len(ratios)/4], "x-raw-q1")
			b.ReportMetric(ratios[len(ratios)*3/4], "x-raw-q3")
			b.ReportMetric(ratios[0], "x-raw-min")
			b.ReportMetric(ratios[len(ratios)-1], "x-raw-max")
			b.ReportMetric(float64(natTotal.Nanoseconds())/float64(len(ratios)*roundValues), "natsch-ns/value")
			b.ReportMetric(float64(rawTotal.Nanoseconds())/float64(len(ratios)*roundValues), "raw-ns/value")
			b.ReportMetric(0, "ns/op")
			nat.close()
		})
	}
}

// natsRound sends a round through a natsch channel.
type natsRound struct {
	tx      *natsch.Sender[[]byte]
	rx      *natsch.Receiver[[]byte]
	senders int
	payload []byte
}

func newNatsRound(b *testing.B, js jetstream.JetStream, name string, senders int) *natsRound {
	tx, rx, err := natsch.Channel[[]byte](js, name, natsch.WithCodec(natsch.Bytes()))
	if err != nil {
		b.Fatal(err)
	}
	return &natsRound{tx: tx, rx: rx, senders: senders, payload: make([]byte, 64)}
}

func (r *natsRound) run() time.Duration {
	start := time.Now()
	var wg sync.WaitGroup
	for range r.senders {
		wg.Go(func() {
			for range roundValues / r.senders {
				check(r.tx.Send(r.payload))
			}
		})
	}
	for range roundValues {
		get(r.rx.Recv())
	}
	wg.Wait()
	return time.Since(start)
}

func (r *natsRound) close() {
	r.tx.Close()
	r.rx.Close()
}

// rawRound does the same by hand.
type rawRound struct {
	js      jetstream.JetStream
	subject string
	cons    jetstream.Consumer
	senders int
	payload []byte
	seq     int
}

func newRawRound(b *testing.B, js jetstream.JetStream, name string, senders int) *rawRound {
	ctx := context.Background()
	stream, err := js.CreateStream(ctx, jetstream.StreamConfig{
		Name: name, Subjects: []string{"raw." + name}, Retention: jetstream.WorkQueuePolicy,
		Storage: jetstream.FileStorage, Duplicates: 2 * time.Minute,
	})
	if err != nil {
		b.Fatal(err)
	}
	cons, err := stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable: "recv", AckPolicy: jetstream.AckExplicitPolicy, AckWait: 10 * time.Second,
	})
	if err != nil {
		b.Fatal(err)
	}
	return &rawRound{js: js, subject: "raw." + name, cons: cons, senders: senders, payload: make([]byte, 64)}
}

func (r *rawRound) run() time.Duration {
	ctx := context.Background()
	start := time.Now()
	var wg sync.WaitGroup
	for s := range r.senders {
		base := r.seq
		wg.Go(func() {
			for i := range roundValues / r.senders {
				id := strconv.Itoa(base) + "-" + strconv.Itoa(s) + "-" + strconv.Itoa(i)
				_, err := r.js.Publish(ctx, r.subject, r.payload, jetstream.WithMsgID(id))
				check(err)
			}
		})
	}
	r.seq++
	acks := make(chan jetstream.Msg, 64)
	var ackers sync.WaitGroup
	for range 8 {
		ackers.Go(func() {
			for m := range acks {
				check(m.DoubleAck(ctx))
			}
		})
	}
	for got := 0; got < roundValues; {
		batch, err := r.cons.Fetch(min(64, roundValues-got), jetstream.FetchMaxWait(time.Second))
		check(err)
		for m := range batch.Messages() {
			acks <- m
			got++
		}
	}
	close(acks)
	ackers.Wait()
	wg.Wait()
	return time.Since(start)
}

// BenchmarkRendezvousRoundTrip: the time from Send to its return on a
// rendezvous channel whose receiver waits: publish, delivery, take, and
// the notice back to the sender.
func BenchmarkRendezvousRoundTrip(b *testing.B) {
	s := natstest.Start(b)
	tx, rx, err := natsch.SyncChannel[int](s.JetStream(), "rtt", 0)
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan int)
	go func() {
		n := 0
		for range rx.Iter() {
			n++
		}
		done <- n
	}()
	for b.Loop() {
		check(tx.Send(1))
	}
	tx.Close()
	if n := <-done; n != b.N {
		b.Fatalf("received %d of %d", n, b.N)
	}
	rx.Close()
}
