package lockorder

import (
	"sync"

	"github.com/fearlessgo/fearless/shared"
)

// 10. Three locks in a ring.
var ringA, ringB, ringC sync.Mutex

func ab() {
	ringA.Lock()
	ringB.Lock() // want `lock order: ringB is taken here while ringA is held, but elsewhere the locks are taken in the order lockorder.ringB then lockorder.ringC then lockorder.ringA`
	ringB.Unlock()
	ringA.Unlock()
}

func bc() {
	ringB.Lock()
	ringC.Lock() // want `lock order: ringC is taken here while ringB is held`
	ringC.Unlock()
	ringB.Unlock()
}

func ca() {
	ringC.Lock()
	ringA.Lock() // want `lock order: ringA is taken here while ringC is held`
	ringA.Unlock()
	ringC.Unlock()
}

// 11. A lock helper: the caller holds what it returns holding.
type queue struct {
	head, tail sync.Mutex
}

func (q *queue) lockHead() { q.head.Lock() }

func (q *queue) push() {
	q.lockHead()
	q.tail.Lock() // want `lock order: q.tail is taken here while q.head is held`
	q.tail.Unlock()
	q.head.Unlock()
}

func (q *queue) pop() {
	q.tail.Lock()
	q.lockHead() // want `lock order: lockorder.queue.head \(in lockHead\) is taken here while q.tail is held`
	q.head.Unlock()
	q.tail.Unlock()
}

// 12. fearless RwLocks, Read against Write.
type catalog struct {
	items *shared.RwLock[[]string]
	tags  *shared.RwLock[[]string]
}

func (c *catalog) show() {
	r, _ := c.items.Read()
	defer r.Unlock()
	t, _ := c.tags.Read() // want `lock order: c.tags is taken here while c.items is held`
	t.Unlock()
}

func (c *catalog) retag() {
	w, _ := c.tags.Write()
	defer w.Unlock()
	r, _ := c.items.Write() // want `lock order: c.items is taken here while c.tags is held`
	r.Unlock()
}

// 13. An embedded mutex against a field.
type conn struct {
	sync.Mutex
	out sync.Mutex
}

func (c *conn) write() {
	c.Lock()
	c.out.Lock() // want `lock order: c.out is taken here while c is held`
	c.out.Unlock()
	c.Unlock()
}

func (c *conn) close() {
	c.out.Lock()
	c.Lock() // want `lock order: c is taken here while c.out is held`
	c.Unlock()
	c.out.Unlock()
}

// 14. Two types, each method locking the other's.
type parent struct {
	mu    sync.Mutex
	child *child
}

type child struct {
	mu     sync.Mutex
	parent *parent
}

func (p *parent) update() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.child.mu.Lock() // want `lock order: p.child.mu is taken here while p.mu is held`
	p.child.mu.Unlock()
}

func (c *child) update() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.parent.mu.Lock() // want `lock order: c.parent.mu is taken here while c.mu is held`
	c.parent.mu.Unlock()
}

// 15. Load and Set take the lock too.
var counts, totals = shared.NewMutex(0), shared.NewMutex(0)

func bump() {
	g, _ := counts.Lock()
	totals.Set(*g.Get()) // want `lock order: totals is taken here while counts is held`
	g.Unlock()
}

func sum() int {
	g, _ := totals.Lock()
	defer g.Unlock()
	n, _ := counts.Load() // want `lock order: counts is taken here while totals is held`
	return n + *g.Get()
}

// 16. In a loop.
type pool struct {
	free sync.Mutex
	busy sync.Mutex
}

func (p *pool) drain(n int) {
	p.free.Lock()
	for i := 0; i < n; i++ {
		p.busy.Lock() // want `lock order: p.busy is taken here while p.free is held`
		p.busy.Unlock()
	}
	p.free.Unlock()
}

func (p *pool) refill() {
	p.busy.Lock()
	p.free.Lock() // want `lock order: p.free is taken here while p.busy is held`
	p.free.Unlock()
	p.busy.Unlock()
}
