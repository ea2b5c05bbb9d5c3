package model

import "math/rand/v2"

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
	sleepIn  []*sleeper       // asleep when the search reached the branch
	explored map[int]*sleeper // what each thread tried here did
	nobj     int              // objects numbered when the branch was reached
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

func (dfsChooser) pickThread(_ *execution, d *decision) int { return d.def }
func (dfsChooser) pickValue(*execution, int) int            { return 0 }
func (dfsChooser) dpor() bool                               { return true }

// fullChooser takes the default decisions and has every other thread
// tried too: no reduction at all.
type fullChooser struct{}

func (fullChooser) pickThread(_ *execution, d *decision) int { return d.def }
func (fullChooser) pickValue(*execution, int) int            { return 0 }
func (fullChooser) dpor() bool                               { return false }

// replayChooser takes the default decisions once a replayed schedule has
// run out.
type replayChooser struct{}

func (replayChooser) pickThread(_ *execution, d *decision) int { return d.def }
func (replayChooser) pickValue(*execution, int) int            { return 0 }
func (replayChooser) dpor() bool                               { return false }

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

// pct is probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi
// and Nagarakatte, ASPLOS 2010). Each run gives every thread a random
// priority of depth or more, always runs the highest-priority thread that
// can run, and at depth-1 random decisions lowers the priority of the
// thread about to run below every initial one.
type pct struct {
	rng    *rand.Rand
	depth  int
	k      int       // the expected number of decisions in a run: the most seen
	prio   []float64 // by thread id
	change []int     // decision numbers at which a priority is lowered
}

func newPCT(depth int, seed uint64) *pct {
	return &pct{rng: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15)), depth: depth}
}

// reset prepares the next run.
func (p *pct) reset() {
	p.prio = p.prio[:0]
	p.change = p.change[:0]
	if p.k == 0 {
		return // the first run measures k
	}
	for i := 1; i < p.depth; i++ {
		p.change = append(p.change, 1+p.rng.IntN(p.k))
	}
}

func (p *pct) pickThread(e *execution, d *decision) int {
	for _, c := range d.cands {
		for len(p.prio) <= c {
			p.prio = append(p.prio, float64(p.depth)+p.rng.Float64())
		}
	}
	if len(d.runnable) == 0 {
		return d.def
	}
	best := p.highest(d.runnable)
	for i, at := range p.change {
		if at == e.decisions {
			// Each change lowers below every earlier one: d-1, d-2, ...
			p.prio[best] = float64(p.depth - 1 - i)
			best = p.highest(d.runnable)
		}
	}
	return best
}

func (p *pct) highest(ids []int) int {
	best := ids[0]
	for _, id := range ids[1:] {
		if p.prio[id] > p.prio[best] {
			best = id
		}
	}
	return best
}

func (p *pct) pickValue(_ *execution, n int) int { return p.rng.IntN(n) }
func (p *pct) dpor() bool                        { return false }
