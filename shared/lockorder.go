package shared

import (
	"fmt"
	"maps"
	"path"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/label"
	"github.com/fearlessgo/fearless/internal/sched"
)

// detecting is the one branch deadlock detection costs when it is off.
var detecting atomic.Bool

// tracking reports whether constructors should record where they were
// called: only a report needs it, from deadlock detection or a scheduler.
func tracking() bool { return detecting.Load() || sched.RecordSite() }

// A lockNode is one Mutex or RwLock in the lock-order graph. It is made the
// first time detection sees the lock and lives in the lock itself, so
// finding it costs no lookup.
type lockNode struct {
	id  uint64
	ref LockRef
	// succ maps the id of every lock taken while holding this one to that
	// edge. It is copy-on-write: readers load it without a lock, and only
	// a new edge (under graph.mu) replaces it.
	succ atomic.Pointer[map[uint64]*graphEdge]
	// pred and removed are guarded by graph.mu.
	pred    map[uint64]*lockNode
	removed bool
}

type graphEdge struct {
	to   *lockNode
	edge LockEdge
}

func (n *lockNode) hasEdgeTo(m *lockNode) bool {
	s := n.succ.Load()
	if s == nil {
		return false
	}
	_, ok := (*s)[m.id]
	return ok
}

// nodeOf returns the node of the lock owner, whose node pointer is slot
// and whose label is lb.
func nodeOf[L any](slot *atomic.Pointer[lockNode], owner *L, lb *label.Label) *lockNode {
	if n := slot.Load(); n != nil {
		return n
	}
	n := &lockNode{id: graph.nextID.Add(1)}
	n.ref = LockRef{Kind: kindOf(owner), Addr: reflect.ValueOf(owner).Pointer(), id: n.id, name: lb.Name(), site: lb.PC()}
	if !slot.CompareAndSwap(nil, n) {
		return slot.Load()
	}
	// A lock that is garbage collected takes its edges with it.
	runtime.AddCleanup(owner, graph.removeNode, n)
	return n
}

// kindOf names a lock's type the way reports print it: "Mutex[int]".
func kindOf(lock any) string {
	s := strings.TrimPrefix(fmt.Sprintf("%T", lock), "*")
	return strings.TrimPrefix(s, "shared.")
}

// lockGraph is the order in which locks were taken. Adding an edge or a
// report function takes mu; checking that an edge is known does not.
var graph lockGraph

type lockGraph struct {
	nextID atomic.Uint64

	mu        sync.Mutex
	linked    map[*lockNode]bool // nodes with edges, for reset
	reporters []*reporter        // replaced, never changed in place
}

type reporter struct{ f func(*DeadlockReport) }

// addEdge records that goroutine gid took to, at stack, while holding
// from, and reports the cycle the edge closes, if any. It runs in that
// goroutine, before the lock is taken.
func (g *lockGraph) addEdge(from, to *lockNode, gid uint64, stack []uintptr) {
	g.mu.Lock()
	if !detecting.Load() || from.removed || to.removed || from.hasEdgeTo(to) {
		g.mu.Unlock()
		return
	}
	e := &graphEdge{to: to, edge: LockEdge{Held: from.ref, Taken: to.ref, Goroutine: gid, pcs: stack}}
	next := make(map[uint64]*graphEdge)
	if s := from.succ.Load(); s != nil {
		maps.Copy(next, *s)
	}
	next[to.id] = e
	from.succ.Store(&next)
	if to.pred == nil {
		to.pred = make(map[uint64]*lockNode)
	}
	to.pred[from.id] = from
	if g.linked == nil {
		g.linked = make(map[*lockNode]bool)
	}
	g.linked[from], g.linked[to] = true, true

	var cycle []LockEdge
	if from == to {
		cycle = []LockEdge{e.edge}
	} else if path := g.path(to, from); path != nil {
		cycle = append(path, e.edge)
	}
	reporters := g.reporters
	g.mu.Unlock()

	if cycle == nil {
		return
	}
	r := newReport(cycle)
	for _, rep := range reporters {
		rep.f(r)
	}
}

// path returns the edges of a shortest path from src to dst, or nil. It
// visits successors in id order so that reports are reproducible. g.mu is
// held.
func (g *lockGraph) path(src, dst *lockNode) []LockEdge {
	via := map[*lockNode]*graphEdge{src: nil}
	from := map[*lockNode]*lockNode{}
	queue := []*lockNode{src}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		s := n.succ.Load()
		if s == nil {
			continue
		}
		ids := slices.Sorted(maps.Keys(*s))
		for _, id := range ids {
			e := (*s)[id]
			if _, seen := via[e.to]; seen {
				continue
			}
			via[e.to], from[e.to] = e, n
			if e.to != dst {
				queue = append(queue, e.to)
				continue
			}
			var path []LockEdge
			for m := dst; m != src; m = from[m] {
				path = append(path, via[m].edge)
			}
			slices.Reverse(path)
			return path
		}
	}
	return nil
}

// removeNode drops a garbage-collected lock's edges. It runs as the lock's
// cleanup.
func (g *lockGraph) removeNode(n *lockNode) {
	g.mu.Lock()
	defer g.mu.Unlock()
	n.removed = true
	g.unlink(n)
}

// unlink drops n's edges. g.mu is held.
func (g *lockGraph) unlink(n *lockNode) {
	for _, p := range n.pred {
		if s := p.succ.Load(); s != nil {
			next := make(map[uint64]*graphEdge, len(*s))
			maps.Copy(next, *s)
			delete(next, n.id)
			p.succ.Store(&next)
		}
	}
	if s := n.succ.Load(); s != nil {
		for _, e := range *s {
			delete(e.to.pred, n.id)
		}
	}
	n.succ.Store(nil)
	n.pred = nil
	delete(g.linked, n)
}

// reset forgets every edge. g.mu is held.
func (g *lockGraph) reset() {
	for n := range g.linked {
		n.succ.Store(nil)
		n.pred = nil
	}
	g.linked = nil
}

// newReport turns a cycle into a report that starts at its oldest lock, so
// that the same cycle reads the same however it was closed.
func newReport(cycle []LockEdge) *DeadlockReport {
	first := 0
	for i, e := range cycle {
		if e.Held.id < cycle[first].Held.id {
			first = i
		}
	}
	cycle = append(cycle[first:len(cycle):len(cycle)], cycle[:first]...)
	for i := range cycle {
		cycle[i].Stack = frames(cycle[i].pcs)
	}
	return &DeadlockReport{Cycle: cycle}
}

// ownPackage prefixes the functions of this package, and ownDir holds
// its files: a closure of a lock method inlined into the caller is named
// after the caller but stays in our file. frames is the stack a report
// shows, without the frames of this package's lock methods on top.
var (
	ownPackage = reflect.TypeFor[lockGraph]().PkgPath() + "."
	ownDir     = func() string {
		_, file, _, _ := runtime.Caller(0)
		return path.Dir(file)
	}()
)

// ownFrame reports whether f is one of this package's lock methods (not a
// test of the package, which is the caller).
func ownFrame(f runtime.Frame) bool {
	own := strings.HasPrefix(f.Function, ownPackage) || path.Dir(f.File) == ownDir
	return own && !strings.HasSuffix(f.File, "_test.go")
}

func frames(pcs []uintptr) []runtime.Frame {
	var out []runtime.Frame
	it := runtime.CallersFrames(pcs)
	top := true
	for {
		f, more := it.Next()
		if top && ownFrame(f) {
			if !more {
				break
			}
			continue
		}
		top = false
		if f.Function != "runtime.goexit" {
			out = append(out, f)
		}
		if !more {
			break
		}
	}
	return out
}
