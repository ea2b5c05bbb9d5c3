package guardescape

import (
	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

type config struct {
	name  string
	items []string
	n     int
}

func useAfterUnlock(m *shared.Mutex[int]) int {
	g, _ := m.Lock()
	g.Unlock()
	return *g.Get() // want `guard g is used after g.Unlock\(\) at line 17; keep the use inside the lock or copy the value out with Load`
}

func pointerAfterUnlock(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	p := g.Get()
	g.Unlock()
	p.n = 1 // want `p points into the data of guard g and is used after g.Unlock\(\) at line 24; keep the use inside the lock or copy the value out before the Unlock`
}

func readAfterUnlock(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	cfg := g.Get()
	g.Unlock()
	println(cfg.name) // want `cfg points into the data of guard g`
}

func unlockOnOneBranch(m *shared.Mutex[config], quick bool) string {
	g, _ := m.Lock()
	if quick {
		g.Unlock()
	}
	name := g.Get().name // want `guard g is used after g.Unlock\(\)`
	g.Unlock()
	return name
}

func loopUnlocksEarly(m *shared.Mutex[[]int]) int {
	g, _ := m.Lock()
	xs := g.Get()
	total := 0
	for i := 0; i < 3; i++ {
		total += (*xs)[i] // want `xs points into the data of guard g`
		g.Unlock()
	}
	return total
}

func done(g *shared.MutexGuard[config]) { g.Unlock() }

func afterHelper(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	p := g.Get()
	done(g)
	p.n++ // want `p points into the data of guard g`
}

func alias(m *shared.Mutex[config]) []string {
	g, _ := m.Lock()
	p := g.Get()
	q := p
	g.Unlock()
	return q.items // want `q points into the data of guard g`
}

func fieldAddress(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	items := &g.Get().items
	g.Unlock()
	*items = nil // want `items points into the data of guard g`
}

func readGuard(l *shared.RwLock[config]) string {
	r, _ := l.Read()
	r.Unlock()
	return r.Get().name // want `guard r is used after r.Unlock\(\)`
}

type server struct {
	current *config
	all     []*config
	byName  map[string]*config
}

func (s *server) storeField(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	defer g.Unlock()
	s.current = g.Get() // want `g.Get\(\) points into the data of guard g and is stored in s.current, which outlives the lock; store a copy of the value instead`
}

var last *config

func storeGlobal(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	p := g.Get()
	last = p // want `p points into the data of guard g and is stored in last`
	g.Unlock()
}

func (s *server) storeAppend(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	s.all = append(s.all, g.Get()) // want `points into the data of guard g and is stored in s.all`
	g.Unlock()
}

func (s *server) storeMap(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	p := g.Get()
	s.byName[p.name] = p // want `p points into the data of guard g and is stored in s.byName\[p.name\]`
	g.Unlock()
}

func sendPlain(m *shared.Mutex[config], ch chan *config) {
	g, _ := m.Lock()
	ch <- g.Get() // want `g.Get\(\) points into the data of guard g and is sent on a channel, where it outlives the lock; send a copy of the value instead`
	g.Unlock()
}

func sendMpsc(m *shared.Mutex[config], tx *mpsc.Sender[*config]) {
	g, _ := m.Lock()
	p := g.Get()
	tx.Send(p) // want `p points into the data of guard g and is sent on a channel`
	g.Unlock()
}

func goroutineUsesPointer(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	p := g.Get()
	go func() { // want `p points into the data of guard g and is used by a goroutine, which may run after the lock is released; give it a copy of the value instead`
		p.n++
	}()
	g.Unlock()
}

func goroutineKeepsGuard(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	thread.Go(func() { // want `guard g is given to a goroutine that does not unlock it; unlock it in the goroutine \(defer g.Unlock\(\)\) or keep it here`
		g.Get().n++
	})
}

func returnPastDefer(m *shared.Mutex[config]) *config {
	g, _ := m.Lock()
	defer g.Unlock()
	return g.Get() // want `g.Get\(\) points into the data of guard g and is returned past the deferred g.Unlock\(\); return a copy of the value instead`
}
