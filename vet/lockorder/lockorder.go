// Package lockorder reports two locks taken in opposite orders in one
// package: the lock-order inversion behind most deadlocks.
//
// The analyzer builds the package's lock graph: an edge from lock A to lock
// B wherever B is taken while A is held, directly or through a call (f
// holds A and calls g, which takes B: g's fearlesslocks summary lists the
// locks it takes, across packages too). A lock is named by its class: the
// struct field it lives in (T.mu), the package variable, or the local
// variable that the function's closures share. A cycle in the graph is a
// schedule away from a deadlock; each of its edges is reported where the
// second lock is taken, or at the call through which it is.
//
// What the analyzer respects: a TryLock that fails does not wait, so it
// adds no edge; With holds its lock while its function runs; a goroutine
// started while a lock is held does not hold it; two locks of one class
// (two elements of a slice, two values of one type) are not ordered,
// since nothing names which is which.
package lockorder

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/locks"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// Analyzer is the lockorder analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "lockorder",
	Doc:      "report two locks (fearless or sync) taken in opposite orders in the package, through calls too",
	URL:      "https://pkg.go.dev/github.com/fearlessgo/fearless/vet/lockorder",
	Requires: append([]*analysis.Analyzer{locks.Analyzer}, flow.Requires...),
	Run:      run,
}

// edge is one place where lock To is taken while From is held.
type edge struct {
	from, to         string // classes
	fromName, toName string // as written there
	pos              token.Pos
	via              string // the function called, when taken through a call
}

type graph struct {
	edges map[[2]string][]edge
	succ  map[string][]string
}

func (g *graph) add(e edge) {
	if e.from == "" || e.to == "" || e.from == e.to {
		return
	}
	k := [2]string{e.from, e.to}
	for _, o := range g.edges[k] {
		if o.pos == e.pos {
			return
		}
	}
	if len(g.edges[k]) == 0 {
		g.succ[e.from] = append(g.succ[e.from], e.to)
	}
	g.edges[k] = append(g.edges[k], e)
}

func init() { report.Flag(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	if report.Skip(pass) {
		return nil, nil
	}
	in := pass.ResultOf[locks.Analyzer].(*locks.Info)
	g := &graph{edges: map[[2]string][]edge{}, succ: map[string][]string{}}
	hooks := locks.Hooks{
		Acquire: func(held flow.Set[locks.Held], taken locks.Held) {
			if taken.Try {
				return
			}
			for h := range held {
				if h.Pos != token.NoPos || h.Entry {
					g.add(edge{from: h.Class, to: taken.Class, fromName: h.Lock, toName: taken.Lock, pos: taken.Pos})
				}
			}
		},
		Call: func(held flow.Set[locks.Held], call *ast.CallExpr, fn *types.Func, s *locks.Summary) {
			for _, c := range s.Takes {
				for h := range held {
					if h.Pos != token.NoPos || h.Entry {
						g.add(edge{from: h.Class, to: c, fromName: h.Lock, toName: display(c), pos: call.Pos(), via: fn.Name()})
					}
				}
			}
		},
	}
	again := map[token.Pos]bool{}
	hooks.Again = func(held, taken locks.Held, via string) {
		if again[taken.Pos] {
			return
		}
		again[taken.Pos] = true
		reportAgain(pass, held, taken, via)
	}
	for _, f := range in.Funcs {
		locks.Run(pass, f, in.Summary, hooks)
	}
	g.report(pass)
	return nil, nil
}

// reportAgain reports a lock taken while the same lock is held: a cycle
// of one lock.
func reportAgain(pass *analysis.Pass, held, taken locks.Held, via string) {
	if !held.Sync && held.Pos == taken.Pos {
		return // a guard kept from the loop's last turn: lostunlock reports it
	}
	where := "line ?"
	switch {
	case held.Entry:
		where = "the " + held.Lock + ".With that runs this function"
	case held.Pos == taken.Pos:
		where = "here, on an earlier turn of the loop"
	case held.Pos != token.NoPos:
		where = report.Where(pass, taken.Pos, held.Pos)
	}
	in := ""
	if via != "" {
		in = ", in " + via + ","
	}
	if held.Mode == "r" && taken.Mode == "r" {
		report.At(pass, taken.Pos, nil, "lock order: %s is read-locked here%s while this goroutine already holds its read lock (from %s); a writer queued between the two makes this wait forever, so release the first read lock before", held.Lock, in, where)
		return
	}
	report.At(pass, taken.Pos, nil, "lock order: %s is taken here%s while it is already held (from %s), and a lock is not reentrant, so this waits forever; release it first, or call a variant that expects it held", held.Lock, in, where)
}

// report reports every edge that lies on a cycle.
func (g *graph) report(pass *analysis.Pass) {
	var keys [][2]string
	for k := range g.edges {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return g.edges[keys[i]][0].pos < g.edges[keys[j]][0].pos })
	for _, k := range keys {
		back := g.path(k[1], k[0])
		if back == nil {
			continue
		}
		first := g.edges[[2]string{back[0], back[1]}][0]
		order := make([]string, len(back))
		for i, c := range back {
			order[i] = display(c)
		}
		for _, e := range g.edges[k] {
			taken := e.toName
			if e.via != "" {
				taken = fmt.Sprintf("%s (in %s)", display(e.to), e.via)
			}
			again := first.toName
			if first.via != "" {
				again = fmt.Sprintf("%s (in %s)", display(first.to), first.via)
			}
			other := fmt.Sprintf("%s is taken while %s is held at %s", again, first.fromName, report.Where(pass, e.pos, first.pos))
			if len(back) > 2 {
				other = fmt.Sprintf("elsewhere the locks are taken in the order %s (from %s)", strings.Join(order, " then "), report.Where(pass, e.pos, first.pos))
			}
			report.At(pass, e.pos, nil, "lock order: %s is taken here while %s is held, but %s, so the two orders can deadlock; take these locks in one order everywhere", taken, e.fromName, other)
		}
	}
}

// path is a shortest path of classes from a to b in the graph, nil if none.
func (g *graph) path(a, b string) []string {
	prev := map[string]string{a: ""}
	queue := []string{a}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == b {
			var p []string
			for x := b; x != ""; x = prev[x] {
				p = append([]string{x}, p...)
				if x == a {
					break
				}
			}
			return p
		}
		for _, n := range g.succ[c] {
			if _, ok := prev[n]; !ok {
				prev[n] = c
				queue = append(queue, n)
			}
		}
	}
	return nil
}

// display is a class as a person reads it: "pkg.T.mu", a variable's name.
func display(class string) string {
	if rest, ok := strings.CutPrefix(class, "local "); ok {
		name, sel, _ := strings.Cut(rest, "@")
		if i := strings.IndexAny(sel, ".["); i >= 0 {
			name += sel[i:]
		}
		return strings.ReplaceAll(name, ".*", "")
	}
	if i := strings.LastIndex(class, "/"); i >= 0 {
		class = class[i+1:]
	}
	return strings.ReplaceAll(class, ".*", "")
}
