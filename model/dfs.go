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
// decisions to reuse: a search makes a few for every schedule. The sleep
// sets the branches keep are cut from chunks, since most are small: a
// chunk lives as long as a branch holds a part of it.
type branches struct {
	free     []*branch
	sleepers []sleeper  // the rest of the chunk sleepers are cut from
	lists    []*sleeper // the rest of the chunk lists of sleepers are cut from
}

// chunk is how many sleepers, or pointers to sleepers, a chunk holds.
const chunk = 128

// sleeper returns a zero sleeper.
func (bs *branches) sleeper() *sleeper {
	if len(bs.sleepers) == 0 {
		bs.sleepers = make([]sleeper, chunk)
	}
	s := &bs.sleepers[0]
	bs.sleepers = bs.sleepers[1:]
	return s
}

// sleeperList returns an empty list with room for n sleepers.
func (bs *branches) sleeperList(n int) []*sleeper {
	if n > chunk/4 {
		return make([]*sleeper, 0, n)
	}
	if len(bs.lists) < n {
		bs.lists = make([]*sleeper, chunk)
	}
	l := bs.lists[:0:n]
	bs.lists = bs.lists[n:]
	return l
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
