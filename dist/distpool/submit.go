package distpool

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
)

// Submit stores a call of the task name with arg and returns a handle to
// its result. It returns once the server has the call: from then on it
// runs (at least once, its result recorded once) as soon as a worker
// serves name. It fails when the server does not take the call before ctx
// ends, or when name is registered in this process with other types.
func Submit[A, R any](ctx context.Context, js jetstream.JetStream, name string, arg A) (*Handle[R], error) {
	if t := lookup(name); t != nil && (t.arg != reflect.TypeFor[A]() || t.result != reflect.TypeFor[R]()) {
		return nil, fmt.Errorf("distpool: task %q is func(%v) %v, not func(%v) %v",
			name, t.arg, t.result, reflect.TypeFor[A](), reflect.TypeFor[R]())
	}
	if !validName.MatchString(name) {
		return nil, fmt.Errorf("distpool: task name %q: want 1 to 128 of A-Z a-z 0-9 _ -", name)
	}
	data, err := encode(arg)
	if err != nil {
		return nil, fmt.Errorf("distpool: task %q: argument: %w", name, err)
	}
	p, err := prepare(ctx, js)
	if err != nil {
		return nil, fmt.Errorf("distpool: %w", err)
	}
	id := nuid.Next()
	msg := &nats.Msg{Subject: subjectPre + name, Data: data, Header: nats.Header{}}
	msg.Header.Set(idHeader, id)
	msg.Header.Set(taskHeader, name)
	// Retried under the same id while the server does not answer, which
	// the server's deduplication makes one call.
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		actx, cancel := context.WithTimeout(ctx, 2*time.Second)
		_, err := js.PublishMsg(actx, msg, jetstream.WithMsgID(id))
		cancel()
		if err == nil {
			break
		}
		var apiErr *jetstream.APIError
		if errors.As(err, &apiErr) && apiErr.Code != 503 || errors.Is(err, nats.ErrConnectionClosed) || ctx.Err() != nil {
			return nil, fmt.Errorf("distpool: task %q: %w", name, err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("distpool: task %q: %w", name, ctx.Err())
		case <-time.After(wait):
		}
	}
	return &Handle[R]{id: id, task: name, kv: p.kv, done: make(chan struct{})}, nil
}
