package model

// The object store: the state of every object a run touches, found by the
// object itself, and kept in a list for what goes through them all.

// objects is the object store of a run. It is reused by the next run of
// the same exploration (scratch.go).
type objects struct {
	index map[any]*objState
	all   []*objState // in the order they were added
	free  []*objState // an earlier run's, to reuse
}

func newObjects() *objects { return &objects{index: map[any]*objState{}} }

// get returns the state of obj, nil when the run has not touched it.
func (o *objects) get(obj any) *objState { return o.index[obj] }

// add makes a zero state for obj, which has none, and returns it.
func (o *objects) add(obj any) *objState {
	var os *objState
	if n := len(o.free); n > 0 {
		os = o.free[n-1]
		o.free = o.free[:n-1]
		*os = objState{wclock: os.wclock[:0], reads: os.reads[:0], rclock: os.rclock[:0], mem: os.mem[:0]}
	} else {
		os = &objState{}
	}
	o.index[obj] = os
	o.all = append(o.all, os)
	return os
}

// reset empties the store for the next run, keeping the states to reuse.
func (o *objects) reset() {
	clear(o.index)
	o.free, o.all = o.all, o.free[:0]
}
