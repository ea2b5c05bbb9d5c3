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
	for len(*c) < len(o) {
		*c = append(*c, 0)
	}
	for i, v := range o {
		if v > (*c)[i] {
			(*c)[i] = v
		}
	}
}

func (c vclock) clone() vclock {
	if c == nil {
		return nil
	}
	return append(vclock(nil), c...)
}

// tset is a small set of thread ids.
type tset []uint64

func (s tset) has(i int) bool { return i/64 < len(s) && s[i/64]&(1<<(i%64)) != 0 }

func (s *tset) add(i int) {
	for len(*s) <= i/64 {
		*s = append(*s, 0)
	}
	(*s)[i/64] |= 1 << (i % 64)
}
