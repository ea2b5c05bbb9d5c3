package natsch

import (
	"encoding/json"
	"maps"
	"time"
)

// The registry is the one record, under key reg of the channel's bucket, of
// who holds the channel's handles. Every change is a compare-and-set on its
// revision, so two processes never both act on the same state: exactly one
// closer (or reaper) sees the last sender go, exactly one removes the
// channel.
//
// It counts links, not handles. A link is what one Channel or Open call
// made in one process: it renews one lease for all the handles cloned from
// it, and counts them itself. The registry learns of a link's handles only
// when the link's count of senders, or of receivers, drops to zero. A Clone
// thus costs no round trip and cannot let the count pass zero: the handle
// cloned keeps its link's count above zero while Clone runs.
type registry struct {
	Bound int                  `json:"bound"` // -1: unbounded; 0: rendezvous
	Lease time.Duration        `json:"lease"` // the channel's, for Open calls without Lease
	Links map[string]linkEntry `json:"links"`
	// SendersGone and ReceiversGone never go back to false: a channel
	// never reconnects.
	SendersGone   bool `json:"sendersGone,omitempty"`
	ReceiversGone bool `json:"receiversGone,omitempty"`
}

type linkEntry struct {
	Lease     time.Duration `json:"lease"`
	Senders   int           `json:"senders"`   // 1 while the link has open senders, else 0
	Receivers int           `json:"receivers"` // likewise
}

func (r registry) clone() registry {
	r.Links = maps.Clone(r.Links)
	if r.Links == nil {
		r.Links = map[string]linkEntry{}
	}
	return r
}

// settle records that a side is gone once no link holds it.
func (r *registry) settle() {
	senders, receivers := 0, 0
	for _, e := range r.Links {
		senders += e.Senders
		receivers += e.Receivers
	}
	if senders == 0 {
		r.SendersGone = true
	}
	if receivers == 0 {
		r.ReceiversGone = true
	}
}

func (r registry) finished() bool { return r.SendersGone && r.ReceiversGone }

func (r registry) encode() []byte {
	data, err := json.Marshal(r)
	if err != nil {
		panic("natsch: registry does not encode: " + err.Error())
	}
	return data
}

func decodeRegistry(data []byte) (registry, error) {
	var r registry
	err := json.Unmarshal(data, &r)
	return r.clone(), err
}
