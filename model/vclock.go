package model

// A vclock is a vector clock indexed by thread id. Component i is the index
// of the latest transition of thread i that happens before the owner.
type vclock []int

func (c vclock) get(i int) int {
	if i < 0 || i >= len(c) {
		return 0
	}
	return c[i]
}

func (c *vclock) set(i, v int) {
	for len(*c) <= i {
		*c = append(*c, 0)
	}
	(*c)[i] = v
}

func (c *vclock) join(o vclock) {
	if len(*c) < len(o) {
		*c = append(*c, make(vclock, len(o)-len(*c))...)
	}
	d := (*c)[:len(o)]
	for i, v := range o {
		d[i] = max(d[i], v)
	}
}

// assign makes c a copy of o, in c's storage when it has room; new storage
// has room for a few more threads, which most runs go on to start.
func (c *vclock) assign(o vclock) {
	if cap(*c) < len(o) {
		*c = make(vclock, len(o), len(o)+4)
	}
	*c = (*c)[:len(o)]
	copy(*c, o)
}

func (c vclock) clone() vclock {
	if c == nil {
		return nil
	}
	return append(vclock(nil), c...)
}

// tset is a small set of thread ids: the first 64 in a word of its own,
// which every branch of the search has two of, so that most never allocate.
type tset struct {
	lo   uint64
	rest []uint64 // ids from 64 up
}

func (s *tset) has(i int) bool {
	if i < 64 {
		return s.lo&(1<<i) != 0
	}
	j := i/64 - 1
	return j < len(s.rest) && s.rest[j]&(1<<(i%64)) != 0
}

func (s *tset) add(i int) {
	if i < 64 {
		s.lo |= 1 << i
		return
	}
	j := i/64 - 1
	for len(s.rest) <= j {
		s.rest = append(s.rest, 0)
	}
	s.rest[j] |= 1 << (i % 64)
}
