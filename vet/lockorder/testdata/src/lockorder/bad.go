package lockorder

import (
	"sync"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// 1. Two fields of one struct.
type bank struct {
	a, b sync.Mutex
}

func (k *bank) ab() {
	k.a.Lock()
	k.b.Lock() // want `lock order: k.b is taken here while k.a is held, but k.a is taken while k.b is held at line 24, so the two orders can deadlock; take these locks in one order everywhere`
	k.b.Unlock()
	k.a.Unlock()
}

func (k *bank) ba() {
	k.b.Lock()
	k.a.Lock() // want `lock order: k.a is taken here while k.b is held, but k.b is taken while k.a is held at line 17`
	k.a.Unlock()
	k.b.Unlock()
}

// 2. Package variables, deferred unlocks.
var muX, muY sync.Mutex

func xy() {
	muX.Lock()
	defer muX.Unlock()
	muY.Lock() // want `lock order: muY is taken here while muX is held`
	defer muY.Unlock()
}

func yx() {
	muY.Lock()
	defer muY.Unlock()
	muX.Lock() // want `lock order: muX is taken here while muY is held`
	muX.Unlock()
}

// 3. fearless mutexes in fields.
type ledger struct {
	accounts *shared.Mutex[map[string]int]
	audit    *shared.Mutex[[]string]
}

func (l *ledger) post(who string, n int) {
	g, _ := l.accounts.Lock()
	defer g.Unlock()
	a, _ := l.audit.Lock() // want `lock order: l.audit is taken here while l.accounts is held`
	*a.Get() = append(*a.Get(), who)
	a.Unlock()
	(*g.Get())[who] += n
}

func (l *ledger) report() int {
	a, _ := l.audit.Lock()
	defer a.Unlock()
	g, _ := l.accounts.Lock() // want `lock order: l.accounts is taken here while l.audit is held`
	defer g.Unlock()
	return len(*g.Get()) + len(*a.Get())
}

// 4. A read lock against a write lock.
type index struct {
	names sync.RWMutex
	ids   sync.Mutex
}

func (x *index) lookup() {
	x.names.RLock()
	x.ids.Lock() // want `lock order: x.ids is taken here while x.names is held`
	x.ids.Unlock()
	x.names.RUnlock()
}

func (x *index) rebuild() {
	x.ids.Lock()
	x.names.Lock() // want `lock order: x.names is taken here while x.ids is held`
	x.names.Unlock()
	x.ids.Unlock()
}

// 5. Through a call.
type store struct {
	data  sync.Mutex
	stats sync.Mutex
}

func (s *store) count() {
	s.stats.Lock()
	defer s.stats.Unlock()
}

func (s *store) put() {
	s.data.Lock()
	defer s.data.Unlock()
	s.count() // want `lock order: lockorder.store.stats \(in count\) is taken here while s.data is held`
}

func (s *store) flush() {
	s.stats.Lock()
	defer s.stats.Unlock()
	s.data.Lock() // want `lock order: s.data is taken here while s.stats is held`
	s.data.Unlock()
}

// 6. Through two calls.
type cache struct {
	outer, inner sync.Mutex
}

func (c *cache) innerWork() { c.inner.Lock(); c.inner.Unlock() }
func (c *cache) middle()    { c.innerWork() }

func (c *cache) refresh() {
	c.outer.Lock()
	c.middle() // want `lock order: lockorder.cache.inner \(in middle\) is taken here while c.outer is held`
	c.outer.Unlock()
}

func (c *cache) evict() {
	c.inner.Lock()
	c.outer.Lock() // want `lock order: c.outer is taken here while c.inner is held`
	c.outer.Unlock()
	c.inner.Unlock()
}

// 7. The seeds' deadlock: two threads, local locks.
func seeds() {
	lockA := shared.NewMutex(0)
	lockB := shared.NewMutex(0)
	t1 := thread.Go(func() {
		a, _ := lockA.Lock()
		defer a.Unlock()
		b, _ := lockB.Lock() // want `lock order: lockB is taken here while lockA is held`
		defer b.Unlock()
	})
	t2 := thread.Go(func() {
		b, _ := lockB.Lock()
		defer b.Unlock()
		a, _ := lockA.Lock() // want `lock order: lockA is taken here while lockB is held`
		defer a.Unlock()
	})
	t1.Join()
	t2.Join()
}

// 8. With holds its lock while its function runs.
var first, second = shared.NewMutex(0), shared.NewMutex(0)

func withNested() {
	first.With(func(v *int) {
		g, _ := second.Lock() // want `lock order: second is taken here while first is held`
		*v += *g.Get()
		g.Unlock()
	})
}

func withReversed() {
	g, _ := second.Lock()
	defer g.Unlock()
	first.With(func(v *int) { *v++ }) // want `lock order: first is taken here while second is held`
}

// 9. Locks shared through Arcs, as the seeds write it.
func arcs() {
	la := shared.NewArc(shared.NewMutex(0), nil)
	lb := shared.NewArc(shared.NewMutex(0), nil)
	thread.Go(func() {
		a, _ := la.Value().Lock()
		defer a.Unlock()
		b, _ := lb.Value().Lock() // want `lock order: lb.Value\(\) is taken here while la.Value\(\) is held`
		defer b.Unlock()
	})
	thread.Go(func() {
		b, _ := lb.Value().Lock()
		defer b.Unlock()
		a, _ := la.Value().Lock() // want `lock order: la.Value\(\) is taken here while lb.Value\(\) is held`
		defer a.Unlock()
	})
}
