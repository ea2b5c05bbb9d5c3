package model

import (
	"time"
)

// Scratch: what a run allocates as it goes (its threads, the state of the
// objects it touches, its steps) is handed to the next run of the same
// exploration to fill again, since runs of one function touch about as
// many things each, and allocating them afresh for every run cost the
// search a large part of its time. Nothing here outlives the run that uses
// it: what the search keeps (the path, its branches and sleep sets) is
// allocated apart.
type scratch struct {
	threads []*mthread
	steps   []step
	trans   []int
	lastOf  []int
	tacc    []accRec
	objs    *objects
	seats   []seated
	handles map[any]*mthread
	labels  map[any]int
	lists   lists
}

// recycle gives what e allocated to its explorer for the next run. A run
// with a thread stuck outside the explorer keeps its storage: that thread
// may still get out and touch it.
func (e *execution) recycle() {
	for _, t := range e.threads {
		if t.stuck {
			return
		}
	}
	s := &e.x.spare
	s.threads = e.threads
	s.steps, s.trans, s.lastOf, s.tacc = e.steps[:0], e.trans[:0], e.lastOf[:0], e.tacc[:0]
	e.objs.reset()
	clear(e.seats)
	clear(e.handles)
	clear(e.labels)
	s.objs, s.seats, s.handles, s.labels = e.objs, e.seats[:0], e.handles, e.labels
	s.lists = e.lists
	// The next run starts with no sleepers, and keeps no old ones alive.
	clear(s.lists.sleepExec[:cap(s.lists.sleepExec)])
	s.lists.sleepExec = s.lists.sleepExec[:0]
}

// newExecution makes the execution of one run, on its explorer's scratch.
func newExecution(x *explorer, path []*branch, ch chooser) *execution {
	s := &x.spare
	if s.objs == nil {
		*s = scratch{objs: newObjects(), handles: map[any]*mthread{}, labels: map[any]int{}}
	}
	e := &execution{
		x:        x,
		id:       runIDs.Add(1),
		seats:    s.seats,
		handles:  s.handles,
		turns:    turns{threads: s.threads[:0], spare: s.threads},
		choices:  choices{path: path, chooser: ch, dpor: ch.dpor(), steps: s.steps, lists: s.lists},
		por:      por{objs: s.objs, trans: s.trans, lastOf: s.lastOf},
		sleeping: sleeping{tacc: s.tacc},
		clock:    clock{base: time.Now()},
		outcome:  outcome{labels: s.labels},
	}
	*s = scratch{}
	return e
}

// newThread adds a thread to the run, reusing one of an earlier run's.
func (e *execution) newThread() *mthread {
	id := len(e.threads)
	var t *mthread
	if id < len(e.spare) {
		t = e.spare[id]
		*t = mthread{clock: t.clock[:0], mem: t.mem[:0]}
	} else {
		t = &mthread{}
	}
	t.id = id
	e.threads = append(e.threads, t)
	e.lastOf = append(e.lastOf, 0)
	return t
}
