package natsch

import (
	"fmt"
	"regexp"
)

// A channel named n lives in JetStream as:
//
//	stream FCH_n, subject fch.n       the values, a work queue
//	consumer recv on it               shared by every receiver
//	key-value bucket FCH_n_reg        key reg: who holds handles; hb.<link>: their leases
//	subject fch.n.ev (core NATS)      "the registry changed", to wake waiters at once
//	subject fch.n.room (core NATS)    "a bounded channel has room", likewise
type names struct {
	channel, stream, subject, bucket, events, room string
}

var validName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

func namesOf(name string) (names, error) {
	if !validName.MatchString(name) {
		return names{}, fmt.Errorf("natsch: channel name %q: want 1 to 64 of A-Z a-z 0-9 _ -", name)
	}
	return names{
		channel: name,
		stream:  "FCH_" + name,
		subject: "fch." + name,
		bucket:  "FCH_" + name + "_reg",
		events:  "fch." + name + ".ev",
		room:    "fch." + name + ".room",
	}, nil
}

const (
	consumerName = "recv"
	regKey       = "reg"
	hbPrefix     = "hb."
)
