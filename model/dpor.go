package model

import "reflect"

// Partial-order reduction (Flanagan and Godefroid, POPL 2005), the way loom
// does it: every transition (what a thread does from one decision to the
// next) accesses objects, the ones named by Point and the parkers it parks
// on or unparks. Two transitions of different threads that access the same
// object (and not both only read it) are dependent. Vector clocks track the
// happens-before order of dependent transitions; when a transition is
// dependent on an earlier one it is not ordered after, the two could have
// run the other way round, so the decision before the earlier one gets the
// later thread added to the threads to try there (its backtrack set).
// Orders of independent transitions are never tried twice.

// por is the partial-order state of a run: transitions, the objects they
// accessed, and happens-before.
type por struct {
	trans    []int // transition k (1-based) -> position in path of the decision that chose it
	lastOf   []int // thread id -> its latest transition
	curTrans int
	objs     *objects // objects.go
	pendObj  any      // the running transition's Point object, not yet accessed (see flush)
	pendSet  bool
	global   objState // the last access that touched everything
}

// objState is what the run knows about accesses to one object.
type objState struct {
	id     int    // its name for the sleep sets (sleep.go)
	w, wt  int    // the last writing transition and its thread
	wclock vclock // the clock of that transition
	reads  []acc  // reads since that write
	rclock vclock // the join of their clocks
	mem    vclock // memory-model clock published by the last synchronising access
	seen   int    // the decision of its last access (steplimit.go)
}

type acc struct{ k, tid int }

// comparable reports whether obj can be a map key.
func comparable(obj any) bool {
	if obj == nil {
		return false
	}
	t := reflect.TypeOf(obj)
	return t.Kind() == reflect.Pointer || t.Comparable()
}

// flush makes the access announced by the running transition's Point, if
// it has not happened yet. It is delayed until something else happens, to
// learn whether the object is an atomic location (whose loads are reads and
// which synchronise only as their orderings say) or an ordinary one.
func (e *execution) flush() {
	if !e.pendSet {
		return
	}
	e.pendSet = false
	if comparable(e.pendObj) {
		e.access(e.pendObj, true, true, true)
	} else {
		e.globalAccess()
	}
}

// access records that the running transition accesses obj. race says to
// look for an earlier, unordered, dependent transition; sync says the
// access synchronises memory (every fearless operation does, as a lock
// would; atomics do as their orderings say, in memory.go).
func (e *execution) access(obj any, write, race, sync bool) {
	e.accessState(e.objState(obj), write, race, sync)
}

// accessState is access to the object whose state is os.
func (e *execution) accessState(os *objState, write, race, sync bool) {
	t := e.cur
	k := e.curTrans
	os.seen = e.decisions
	e.tacc = append(e.tacc, accRec{os.id, write})
	if !race {
		// An access that is enabled by the last one (a thread's start by
		// its spawn, a wake-up by its unpark) is ordered after it.
		t.clock.join(os.wclock)
		t.clock.join(os.rclock)
	} else if e.dpor {
		if os.w != 0 && os.wt != t.id && os.w > t.clock.get(os.wt) {
			e.backtrack(os.w, t.id)
		}
		if write {
			for _, r := range os.reads {
				if r.tid != t.id && r.k > t.clock.get(r.tid) {
					e.backtrack(r.k, t.id)
				}
			}
		}
	}
	g := &e.global
	if g.w != 0 {
		// A transition that touched everything is dependent on this one too.
		if g.wt != t.id && g.w > t.clock.get(g.wt) {
			e.backtrack(g.w, t.id)
		}
		t.clock.join(g.wclock)
	}
	if race {
		t.clock.join(os.wclock)
		if write {
			t.clock.join(os.rclock)
		}
	}
	if write {
		os.w, os.wt = k, t.id
		os.wclock.assign(t.clock) // only ever read by join: reuse it
		os.reads, os.rclock = os.reads[:0], os.rclock[:0]
	} else {
		os.reads = append(os.reads, acc{k, t.id})
		os.rclock.join(t.clock)
	}
	if sync {
		t.mem.join(os.mem)
		if g.w != 0 {
			t.mem.join(g.mem)
		}
		os.mem.assign(t.mem)
	}
}

// globalAccess records a transition that may touch anything (a Point with
// no object): it is dependent on every other.
func (e *execution) globalAccess() {
	t := e.cur
	e.tglobal = true
	for q, k := range e.lastOf {
		if q != t.id && k != 0 && k > t.clock.get(q) {
			e.backtrack(k, t.id)
		}
	}
	// Ordered after every transition so far: every thread's clock covers
	// what its transitions published, and every object's memory clock what
	// was published to it.
	for _, q := range e.threads {
		t.clock.join(q.clock)
	}
	for _, os := range e.objs.all {
		t.mem.join(os.mem)
	}
	g := &e.global
	t.mem.join(g.mem)
	g.w, g.wt = e.curTrans, t.id
	g.wclock, g.mem = append(g.wclock[:0], t.clock...), append(g.mem[:0], t.mem...)
}

// backtrack notes that thread tid should also be tried at the decision
// that chose transition k.
func (e *execution) backtrack(k, tid int) {
	if !e.dpor {
		return
	}
	pos := e.trans[k-1]
	if pos < 0 {
		return
	}
	e.path[pos].want(tid)
	if e.x.cfg.bound >= 0 {
		// Bounded partial-order reduction (Coons, Musuvathi and McKinley,
		// OOPSLA 2013): the switch to tid may be a preemption over the
		// bound at pos, yet be free at the last switch before it.
		for j := pos - 1; j >= 0; j-- {
			if b := e.path[j]; !b.value && b.chosen != b.prev {
				b.want(tid)
				break
			}
		}
	}
}
