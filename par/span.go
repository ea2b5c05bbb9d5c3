package par

import "sync/atomic"

// A span is a range [lo, hi) of indices, relative to the runner's base,
// packed into one word so that its owner taking from the front and thieves
// taking from the back agree with a single compare-and-swap. A span that was
// emptied is only ever refilled by its owner, with indices no span held
// before, so a stale value never compares equal (no ABA).
type span struct {
	r atomic.Uint64
	_ [120]byte // one span per cache line pair: owners never share a line
}

func pack(lo, hi int) uint64 { return uint64(lo)<<32 | uint64(hi) }

func unpack(v uint64) (lo, hi int) { return int(v >> 32), int(uint32(v)) }

// claim takes up to grain indices from the front, but never more than half
// of what is left, so a thief always finds something while the owner works.
func (s *span) claim(grain int) (lo, hi int, ok bool) {
	for {
		v := s.r.Load()
		lo, hi := unpack(v)
		if lo >= hi {
			return 0, 0, false
		}
		k := min(grain, (hi-lo+1)/2)
		if s.r.CompareAndSwap(v, pack(lo+k, hi)) {
			return lo, lo + k, true
		}
	}
}

// split takes the back half of the span (all of it when one index is left).
func (s *span) split() (lo, hi int, ok bool) {
	for {
		v := s.r.Load()
		lo, hi := unpack(v)
		if lo >= hi {
			return 0, 0, false
		}
		mid := lo + (hi-lo)/2
		if s.r.CompareAndSwap(v, pack(lo, mid)) {
			return mid, hi, true
		}
	}
}
