package model

// The object store: the state of every object a run touches, found by the
// object itself, and kept in a list for what goes through them all.

// objects is the object store of a run. It is reused by the next run of
// the same exploration (scratch.go). A run touches few objects, most of
// them several times: up to smallStore, a look through the keys finds one
// sooner than hashing it would; past that, a map indexes them all.
type objects struct {
	keys  []any       // the objects, in the order they were added
	all   []*objState // their states, in the same order
	index map[any]*objState
	free  []*objState // an earlier run's, to reuse
}

// smallStore is how many objects the store holds before it indexes them.
const smallStore = 16

func newObjects() *objects { return &objects{} }

// get returns the state of obj, nil when the run has not touched it.
func (o *objects) get(obj any) *objState {
	if o.index != nil {
		return o.index[obj]
	}
	for i, k := range o.keys {
		if k == obj {
			return o.all[i]
		}
	}
	return nil
}

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
	o.keys = append(o.keys, obj)
	o.all = append(o.all, os)
	switch {
	case o.index != nil:
		o.index[obj] = os
	case len(o.keys) > smallStore:
		o.index = make(map[any]*objState, 2*len(o.keys))
		for i, k := range o.keys {
			o.index[k] = o.all[i]
		}
	}
	return os
}

// reset empties the store for the next run, keeping the states to reuse.
func (o *objects) reset() {
	clear(o.keys) // let the objects go
	o.keys = o.keys[:0]
	if o.index != nil {
		clear(o.index)
	}
	o.free = append(o.free, o.all...) // with those this run did not need
	o.all = o.all[:0]
}
