// Package flow solves the forward dataflow problems of fearless vet's
// analyzers on go/cfg control-flow graphs.
//
// The analyzers track tokens (a lock held since a position, a sender not
// yet closed, an endpoint consumed at a position) in sets; a set at a point
// of a function holds every token that some path from the function's entry
// to that point leaves there. The solver runs each analyzer's transfer
// function to a fixed point, merging sets by union where paths join, and
// lets the analyzer refine the set on a branch of a condition (err != nil,
// g == nil, a TryLock that failed). That is "paths, not lines": a lock
// released on one branch and not on the other is still held after both.
package flow

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"
)

// Set is a set of tokens.
type Set[T comparable] map[T]struct{}

// Add puts t in s.
func (s Set[T]) Add(t T) { s[t] = struct{}{} }

// Has reports whether t is in s.
func (s Set[T]) Has(t T) bool {
	_, ok := s[t]
	return ok
}

// Clone is a copy of s.
func (s Set[T]) Clone() Set[T] {
	c := make(Set[T], len(s))
	for t := range s {
		c[t] = struct{}{}
	}
	return c
}

// Filter removes the tokens for which drop is true.
func (s Set[T]) Filter(drop func(T) bool) {
	for t := range s {
		if drop(t) {
			delete(s, t)
		}
	}
}

// Map replaces each token t by f(t).
func (s Set[T]) Map(f func(T) T) {
	var out []T
	for t := range s {
		out = append(out, f(t))
		delete(s, t)
	}
	for _, t := range out {
		s.Add(t)
	}
}

func (s Set[T]) union(o Set[T]) bool {
	changed := false
	for t := range o {
		if _, ok := s[t]; !ok {
			s[t] = struct{}{}
			changed = true
		}
	}
	return changed
}

// A Problem is an analyzer's transfer function.
type Problem[T comparable] interface {
	// Enter is the effect of entering block b, before its nodes (the send
	// of a select case happens when its body is entered).
	Enter(b *cfg.Block, s Set[T])
	// Node is the effect of one node of a block on s.
	Node(n ast.Node, s Set[T])
	// Edge refines s on the edge from b to its successor b.Succs[i].
	Edge(b *cfg.Block, i int, s Set[T])
}

// Result holds the set at the entry of each live block.
type Result[T comparable] struct {
	In map[*cfg.Block]Set[T]
}

// Solve runs p to a fixed point over g from entry.
func Solve[T comparable](g *cfg.CFG, entry Set[T], p Problem[T]) Result[T] {
	r := Result[T]{In: map[*cfg.Block]Set[T]{}}
	if len(g.Blocks) == 0 {
		return r
	}
	start := g.Blocks[0]
	r.In[start] = entry.Clone()
	work := []*cfg.Block{start}
	queued := map[*cfg.Block]bool{start: true}
	for steps := 0; len(work) > 0 && steps < 100000; steps++ {
		b := work[0]
		work = work[1:]
		queued[b] = false
		out := Through(b, r.In[b], p)
		for i, succ := range b.Succs {
			s := out.Clone()
			p.Edge(b, i, s)
			in, ok := r.In[succ]
			if !ok {
				in = Set[T]{}
				r.In[succ] = in
			}
			if in.union(s) || !ok {
				if !queued[succ] {
					queued[succ] = true
					work = append(work, succ)
				}
			}
		}
	}
	return r
}

// Through is the set after block b's nodes, from in (which is not changed).
func Through[T comparable](b *cfg.Block, in Set[T], p Problem[T]) Set[T] {
	s := in.Clone()
	p.Enter(b, s)
	for _, n := range b.Nodes {
		p.Node(n, s)
	}
	return s
}

// NoEdges gives a Problem Enter and Edge methods that do nothing.
type NoEdges[T comparable] struct{}

// Enter does nothing.
func (NoEdges[T]) Enter(*cfg.Block, Set[T]) {}

// Edge does nothing.
func (NoEdges[T]) Edge(*cfg.Block, int, Set[T]) {}
