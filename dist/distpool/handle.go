package distpool

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/fearlessgo/fearless/thread"
	"github.com/nats-io/nats.go/jetstream"
)

// resultPoll is how often Join looks for the result when the watch that
// should bring it at once is broken (by a server restart).
const resultPoll = 200 * time.Millisecond

// A Handle is a submitted call's result to come. Its methods are safe for
// concurrent use.
type Handle[R any] struct {
	id, task string
	kv       jetstream.KeyValue

	once  sync.Once
	done  chan struct{}
	value R
	err   error
}

// ID returns the call's id, the key of its result.
func (h *Handle[R]) ID() string { return h.id }

// Join waits for the call's result and returns it: the task's value, or a
// *thread.PanicError when the task panicked, whose Thread names the worker
// and whose Value is the panic value as text. Join may be called again,
// and from several goroutines; it gives the same result.
func (h *Handle[R]) Join() (R, error) {
	return h.JoinContext(context.Background())
}

// JoinContext is Join that gives up with ctx.Err() when ctx ends; a later
// call may still get the result.
func (h *Handle[R]) JoinContext(ctx context.Context) (R, error) {
	h.once.Do(func() { go h.wait() })
	select {
	case <-h.done:
		return h.value, h.err
	case <-ctx.Done():
		var zero R
		return zero, ctx.Err()
	}
}

// wait watches the result's key until a worker records it.
func (h *Handle[R]) wait() {
	defer close(h.done)
	for {
		ctx, cancel := context.WithCancel(context.Background())
		w, err := h.kv.Watch(ctx, h.id)
		if err == nil {
			t := time.NewTicker(resultPoll)
			for loop := true; loop; {
				select {
				case e, ok := <-w.Updates():
					if !ok {
						loop = false
					} else if e != nil && e.Operation() == jetstream.KeyValuePut {
						h.set(e.Value())
						t.Stop()
						w.Stop()
						cancel()
						return
					}
				case <-t.C:
					if e, err := h.kv.Get(ctx, h.id); err == nil {
						h.set(e.Value())
						t.Stop()
						w.Stop()
						cancel()
						return
					}
				}
			}
			t.Stop()
			w.Stop()
		} else {
			time.Sleep(resultPoll)
		}
		cancel()
	}
}

func (h *Handle[R]) set(data []byte) {
	r, err := decodeRecord(data)
	switch {
	case err != nil:
		h.err = fmt.Errorf("distpool: task %q: result: %w", h.task, err)
	case r.Err != "":
		h.err = fmt.Errorf("distpool: task %q: %w: %s", h.task, ErrNotRun, r.Err)
	case r.Panicked:
		h.err = &thread.PanicError{Value: r.Panic, Stack: r.Stack, Thread: r.Worker}
	default:
		h.value, h.err = decode[R](r.Value)
		if h.err != nil {
			h.err = fmt.Errorf("distpool: task %q: result: %w", h.task, h.err)
		}
	}
}

// ErrNotRun: a worker could not run the call (its argument did not decode
// as the task's), and recorded that as its result.
var ErrNotRun = errors.New("distpool: call could not run")
