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

func (p *pct) dpor() bool { return false }
