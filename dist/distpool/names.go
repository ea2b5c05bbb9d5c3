package distpool

import (
	"context"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// The pool lives in JetStream as a work-queue stream of calls, one subject
// per task, a consumer that every worker shares, and a key-value bucket of
// results, one key per call, created once.
const (
	streamName   = "FEARLESS_POOL"
	subjectPre   = "fpool.task."
	consumerName = "workers"
	bucketName   = "FEARLESS_POOL_RESULTS"
	idHeader     = "Fpool-Id"
	taskHeader   = "Fpool-Task"
)

// DefaultLease is how long a worker's hold on a call lasts without
// renewal; after it a dead worker's call runs elsewhere.
const DefaultLease = 10 * time.Second

// setup bounds the round trips that make the stream and the bucket.
const setupWait = 30 * time.Second

// prepared remembers, per client, that the stream and bucket exist.
var prepared sync.Map // jetstream.JetStream -> *place

type place struct {
	stream jetstream.Stream
	kv     jetstream.KeyValue
}

// prepare makes (or finds) the stream and the bucket.
func prepare(ctx context.Context, js jetstream.JetStream) (*place, error) {
	if p, ok := prepared.Load(js); ok {
		return p.(*place), nil
	}
	stream, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:       streamName,
		Subjects:   []string{subjectPre + ">"},
		Retention:  jetstream.WorkQueuePolicy,
		Storage:    jetstream.FileStorage,
		Duplicates: 2 * time.Minute,
	})
	if err != nil {
		return nil, err
	}
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket: bucketName, Storage: jetstream.FileStorage, History: 1,
	})
	if err != nil {
		return nil, err
	}
	p := &place{stream: stream, kv: kv}
	prepared.Store(js, p)
	return p, nil
}
