package model

import (
	"math/rand/v2"
)

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
	ids    []int     // pickThread's candidates: not kept past it
	passed []passed  // by thread id: see starved
}

func newPCT(depth int, seed uint64) *pct {
	return &pct{rng: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15)), depth: depth}
}

// reset prepares the next run.
func (p *pct) reset() {
	p.prio = p.prio[:0]
	p.change = p.change[:0]
	p.passed = p.passed[:0]
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
	// A timed thread the rules of time let fire here competes by its
	// priority too: under early timers, a timeout fires before the
	// threads that could run as often as its priority says.
	ids := append(p.ids[:0], d.runnable...)
	for _, c := range d.cands {
		if e.threads[c].status == timed {
			ids = append(ids, c)
		}
	}
	p.ids = ids
	if len(ids) == 0 {
		return d.def
	}
	best := p.highest(ids)
	for i, at := range p.change {
		if at == e.decisions {
			// Each change lowers below every earlier one: d-1, d-2, ...
			p.prio[best] = float64(p.depth - 1 - i)
			best = p.highest(ids)
		}
	}
	if starved := p.starved(e.decisions, ids, best); starved >= 0 {
		best = starved
	}
	return best
}

// starved counts, for each thread of run, the decisions in a row at which
// it could run (or its timeout fire) and another was picked, best at this
// one, and returns the thread passed over fairRun times or more, or -1.
// Priorities alone would let two high-priority threads that keep each
// other busy (a loop fed by a ticker), or a ticker firing again and again,
// starve the others forever, which no fair runtime does: past fairRun, the
// starved thread runs, or its timeout fires.
func (p *pct) starved(decision int, run []int, best int) int {
	for len(p.passed) < len(p.prio) {
		p.passed = append(p.passed, passed{})
	}
	starved := -1
	for _, id := range run {
		q := &p.passed[id]
		if q.at != decision-1 {
			q.n = 0 // it could not run at the last decision
		}
		q.at = decision
		if id == best {
			q.n = 0
			continue
		}
		q.n++
		if q.n >= fairRun && (starved < 0 || q.n > p.passed[starved].n) {
			starved = id
		}
	}
	if starved >= 0 {
		p.passed[starved].n = 0
	}
	return starved
}

// passed is how many decisions in a row a thread was passed over, up to
// decision at.
type passed struct{ n, at int }

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

func (p *pct) dpor() bool { return false }
