package model

// dfs is an exhaustive depth-first search over schedules, optionally
// bounded in preemptions.
type dfs struct {
	path  []*branch
	bound int // -1: none
}

// advance moves path to the next schedule to run and reports whether there
// is one: the deepest decision with an alternative not tried yet takes it,
// and everything after it is forgotten.
func (d *dfs) advance() bool {
	for i := len(d.path) - 1; i >= 0; i-- {
		b := d.path[i]
		if b.value {
			if b.chosen+1 < b.n {
				b.chosen++
				d.path = d.path[:i+1]
				return true
			}
			continue
		}
		for _, c := range b.cands {
			if !b.todo.has(c) || b.done.has(c) {
				continue
			}
			b.done.add(c)
			if asleep(b.sleepIn, c) {
				continue
			}
			p := b.preempts
			if b.prevOn && c != b.prev {
				p++
			}
			if d.bound >= 0 && p > d.bound {
				continue
			}
			b.chosen = c
			d.path = d.path[:i+1]
			return true
		}
	}
	d.path = nil
	return false
}
