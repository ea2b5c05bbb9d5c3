package model

// dfs is an exhaustive depth-first search over schedules, optionally
// bounded in preemptions.
type dfs struct {
	path  []*branch
	bound int       // -1: none
	spare *branches // where the branches it forgets go, for the next runs
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
				d.truncate(i + 1)
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
			d.truncate(i + 1)
			return true
		}
	}
	d.path = nil // the search is over: nothing will reuse its branches
	return false
}

// truncate forgets the decisions from n on. Nothing else refers to their
// branches: a branch's sleepers are referred to only by the branches after
// it.
func (d *dfs) truncate(n int) {
	if d.spare != nil {
		d.spare.free = append(d.spare.free, d.path[n:]...)
	}
	d.path = d.path[:n]
}

// branches is the storage of branches an exploration forgot, for its later
// decisions to reuse: a search makes a few for every schedule.
type branches struct {
	free []*branch
}

// get returns a zero branch.
func (bs *branches) get() *branch {
	n := len(bs.free)
	if n == 0 {
		return new(branch)
	}
	b := bs.free[n-1]
	bs.free[n-1] = nil
	bs.free = bs.free[:n-1]
	*b = branch{}
	return b
}
