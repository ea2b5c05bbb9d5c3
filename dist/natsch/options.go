package natsch

import (
	"fmt"
	"time"
)

// DefaultLease is how long a sender or receiver whose process stopped
// renewing its lease still counts, when no Lease option says otherwise.
const DefaultLease = 10 * time.Second

// minLease is the shortest lease: below it, renewals every quarter lease
// would load the server for nothing.
const minLease = 200 * time.Millisecond

// An Option configures a channel (given to Channel or SyncChannel) or one
// process's handles of it (given to an Open call).
type Option func(*config)

type config struct {
	lease time.Duration // 0: the channel's
	codec any           // a Codec[T], nil: gob
}

// Lease sets how long the handles opened by this call count after their
// process stopped renewing them (it died, or lost the server): after d,
// its senders count as closed and its receivers as gone. Given to Channel,
// it is the channel's lease, which an Open call without Lease inherits. A
// live process renews its leases every d/4. Lease panics for d below
// 200ms.
func Lease(d time.Duration) Option {
	if d < minLease {
		panic(fmt.Sprintf("natsch: Lease must be at least %v, got %v", minLease, d))
	}
	return func(c *config) { c.lease = d }
}

// WithCodec sets how values are encoded; the default is Gob. The codec's
// type must be the channel's element type: Channel, SyncChannel and the
// Open calls return an error otherwise.
func WithCodec[T any](c Codec[T]) Option {
	return func(cf *config) { cf.codec = c }
}

func configure(opts []Option) config {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

func codecOf[T any](c config) (Codec[T], error) {
	if c.codec == nil {
		return Gob[T](), nil
	}
	codec, ok := c.codec.(Codec[T])
	if !ok {
		var zero T
		return nil, fmt.Errorf("natsch: codec %T does not encode %T", c.codec, zero)
	}
	return codec, nil
}
