package natsch

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// attemptWait bounds one publish attempt: without an answer by then, the
// publish is sent again with the same message id, which the server's
// deduplication turns into one stored value.
const attemptWait = 2 * time.Second

type outcome uint8

const (
	stored  outcome = iota
	full            // a bounded stream refused: no room
	missing         // the channel's stream is gone
	gaveUp          // ctx ended; the value may or may not be stored
	failed          // another error
)

// publish stores data under id, retrying with the same id while the server
// does not answer, until ctx ends. It returns the stored value's sequence
// (for an id stored before, the first one's). An attempt under way when
// ctx ends is waited for (at most attemptWait), so that an answer on its
// way is not lost.
func (l *link) publish(ctx context.Context, msg *nats.Msg, id string) (uint64, outcome, error) {
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), attemptWait)
		ack, err := l.js.PublishMsg(actx, msg, jetstream.WithMsgID(id), jetstream.WithExpectStream(l.n.stream))
		cancel()
		if err == nil {
			return ack.Sequence, stored, nil
		}
		var apiErr *jetstream.APIError
		if errors.As(err, &apiErr) {
			switch {
			case strings.Contains(apiErr.Description, "maximum messages"):
				return 0, full, err
			case apiErr.ErrorCode == jetstream.JSErrCodeStreamNotFound || apiErr.ErrorCode == 10060:
				return 0, missing, err
			}
			if apiErr.Code != 503 {
				return 0, failed, err
			}
		}
		if errors.Is(err, nats.ErrConnectionClosed) {
			return 0, failed, err
		}
		if ctx.Err() != nil {
			return 0, gaveUp, ctx.Err()
		}
		// No answer, no responders (the server is starting), or the
		// connection is down: the same id again.
		select {
		case <-ctx.Done():
			return 0, gaveUp, ctx.Err()
		case <-time.After(wait):
		}
	}
}
