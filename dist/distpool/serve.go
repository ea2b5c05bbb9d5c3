package distpool

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/fearlessgo/fearless/thread"
	"github.com/nats-io/nats.go/jetstream"
)

// Serve runs calls of the tasks registered in this process until ctx
// ends, then finishes the calls it runs and returns ctx's error. It fails
// at once when the pool's stream cannot be made or found. A panic in a
// task is recorded as the call's result; the worker goes on.
func Serve(ctx context.Context, js jetstream.JetStream, opts ...Option) error {
	cfg := configure(opts)
	sctx, cancel := context.WithTimeout(ctx, setupWait)
	defer cancel()
	p, err := prepare(sctx, js)
	if err != nil {
		return fmt.Errorf("distpool: %w", err)
	}
	cons, err := consumer(sctx, p.stream, cfg.lease)
	if err != nil {
		return fmt.Errorf("distpool: %w", err)
	}
	var wg sync.WaitGroup
	for range cfg.workers {
		wg.Go(func() { work(ctx, cons, p.kv, cfg) })
	}
	wg.Wait()
	return ctx.Err()
}

// consumer finds the workers' shared consumer, making it when needed, and
// sets its lease when one is given.
func consumer(ctx context.Context, stream jetstream.Stream, lease time.Duration) (jetstream.Consumer, error) {
	if lease == 0 {
		c, err := stream.Consumer(ctx, consumerName)
		if err == nil || !errors.Is(err, jetstream.ErrConsumerNotFound) {
			return c, err
		}
		lease = DefaultLease
	}
	return stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:    consumerName,
		AckPolicy:  jetstream.AckExplicitPolicy,
		AckWait:    lease,
		MaxWaiting: 4096,
	})
}

// work takes calls one at a time until ctx ends. A pull request is left
// to the server to end (after pullWait), never cancelled, so that no call
// sent to it is left unread.
func work(ctx context.Context, cons jetstream.Consumer, kv jetstream.KeyValue, cfg serveConfig) {
	for wait := time.Millisecond; ctx.Err() == nil; {
		batch, err := cons.Fetch(1, jetstream.FetchMaxWait(pullWait))
		if err == nil {
			for m := range batch.Messages() {
				run(m, kv, cfg, cons)
			}
			err = batch.Error()
		}
		if err != nil && ctx.Err() == nil {
			select {
			case <-ctx.Done():
			case <-time.After(wait):
			}
			wait = min(2*wait, 100*time.Millisecond)
		} else {
			wait = time.Millisecond
		}
	}
}

// pullWait bounds one pull request, and so how long Serve takes to return
// once its context ended, besides the calls it runs.
const pullWait = 250 * time.Millisecond

// run runs one call, renewing the hold on it meanwhile, records its result
// unless one is recorded already, and acknowledges it.
func run(m jetstream.Msg, kv jetstream.KeyValue, cfg serveConfig, cons jetstream.Consumer) {
	id, name := m.Headers().Get(idHeader), m.Headers().Get(taskHeader)
	t := lookup(name)
	if t == nil {
		// Another worker may know it.
		m.NakWithDelay(time.Second)
		return
	}
	if _, err := kv.Get(context.Background(), id); err == nil {
		m.DoubleAck(context.Background()) // ran before, by a worker that died before its ack
		return
	}
	lease := cons.CachedInfo().Config.AckWait
	stop := make(chan struct{})
	renewed := make(chan struct{})
	go func() {
		defer close(renewed)
		tick := time.NewTicker(lease / 4)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				m.InProgress()
			}
		}
	}()
	rec := call(t, m.Data(), cfg.name)
	close(stop)
	<-renewed
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_, err := kv.Create(ctx, id, rec.encode())
		cancel()
		if err == nil || errors.Is(err, jetstream.ErrKeyExists) {
			break
		}
		time.Sleep(wait)
	}
	for range 50 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err := m.DoubleAck(ctx)
		cancel()
		if err == nil {
			return
		}
	}
}

// call runs the task, turning a panic into the record of one.
func call(t *task, arg []byte, worker string) (rec record) {
	rec.Worker = worker
	defer func() {
		if v := recover(); v != nil {
			rec = record{Panicked: true, Panic: fmt.Sprint(v), Stack: debug.Stack(), Worker: worker}
			thread.ReportPanic(&thread.PanicError{Value: v, Stack: rec.Stack, Thread: worker})
		}
	}()
	out, err := t.run(arg)
	if err != nil {
		rec.Err = err.Error()
		return rec
	}
	rec.Value = out
	return rec
}
