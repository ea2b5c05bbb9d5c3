package model

func (dfsChooser) pickThread(_ *execution, d *decision) int { return d.def }

func (dfsChooser) pickValue(*execution, int) int { return 0 }

func (dfsChooser) dpor() bool { return true }

func (fullChooser) pickThread(_ *execution, d *decision) int { return d.def }

func (fullChooser) pickValue(*execution, int) int { return 0 }

func (fullChooser) dpor() bool { return false }

func (replayChooser) pickThread(_ *execution, d *decision) int { return d.def }

func (replayChooser) pickValue(*execution, int) int { return 0 }

func (replayChooser) dpor() bool { return false }

// A branch is one decision of a schedule: which thread runs next, or which
// store a load reads.
type branch struct {
	value  bool
	chosen int // a thread id, or how many stores back from the newest

	// A thread decision.
	cands    []int // the threads that could be chosen, ascending
	prev     int   // the thread that ran before it
	prevOn   bool  // prev could have gone on: choosing another preempts it
	preempts int   // preemptions before this decision
	todo     tset  // threads the search still has to try here
	done     tset  // threads tried here

	// A value decision: the number of stores the load could read.
	n int

	// Sleep sets (see sleep.go).
	sleepIn  []*sleeper // asleep when the search reached the branch
	explored []*sleeper // what each thread tried here did, one per thread
	nobj     int        // objects numbered when the branch was reached

	// Storage of its own for what most branches need: a few candidates,
	// and a few threads tried.
	candBuf     [4]int
	first       sleeper
	exploredBuf [2]*sleeper
}

// want adds tid to the threads to try, or every candidate if tid could not
// be chosen here (it was blocked: something else must run first).
func (b *branch) want(tid int) {
	if contains(b.cands, tid) {
		b.todo.add(tid)
		return
	}
	for _, c := range b.cands {
		b.todo.add(c)
	}
}

// A chooser takes the decisions past the forced part of a schedule.
type chooser interface {
	pickThread(e *execution, d *decision) int
	pickValue(e *execution, n int) int
	dpor() bool // whether to collect backtrack points
}

// dfsChooser takes the default decisions and collects backtrack points.
type dfsChooser struct{}

// fullChooser takes the default decisions and has every other thread
// tried too: no reduction at all.
type fullChooser struct{}

// replayChooser takes the default decisions once a replayed schedule has
// run out.
type replayChooser struct{}
