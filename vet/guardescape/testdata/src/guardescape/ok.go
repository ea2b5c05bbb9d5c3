package guardescape

import (
	"github.com/fearlessgo/fearless/shared"
)

func okUseThenUnlock(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	g.Get().n++
	g.Unlock()
}

func okCopyOut(m *shared.Mutex[config]) string {
	g, _ := m.Lock()
	name := g.Get().name
	g.Unlock()
	return name
}

func okLoopRelock(m *shared.Mutex[int]) int {
	total := 0
	for i := 0; i < 3; i++ {
		g, _ := m.Lock()
		total += *g.Get()
		g.Unlock()
	}
	return total
}

func okDeferred(m *shared.Mutex[config]) int {
	g, _ := m.Lock()
	defer g.Unlock()
	p := g.Get()
	p.n++
	return p.n
}

func okReturnCopy(m *shared.Mutex[config]) config {
	g, _ := m.Lock()
	defer g.Unlock()
	return *g.Get()
}

func okPoisoned(m *shared.Mutex[config]) int {
	g, err := m.Lock()
	if err != nil {
		g.Get().n = 0 // a poisoned guard is still a guard
	}
	n := g.Get().n
	g.Unlock()
	return n
}

func okGoroutineUnlocks(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	go func() {
		defer g.Unlock()
		g.Get().n++
	}()
}

func okCondvar(m *shared.Mutex[config], c *shared.Condvar[config]) {
	g, _ := m.Lock()
	for g.Get().n == 0 {
		c.Wait(g)
	}
	g.Get().n--
	g.Unlock()
}

func okWriteIntoData(m *shared.Mutex[config], s string) {
	g, _ := m.Lock()
	p := g.Get()
	p.items = append(p.items, s)
	p.name = s
	g.Unlock()
}

func okUnlockTwice(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	g.Get().n++
	g.Unlock()
	g.Unlock()
}

func okLocalAlias(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	p := g.Get()
	q := p
	q.n++
	g.Unlock()
}

func inspect(g *shared.MutexGuard[config]) int { return g.Get().n }

func okBorrowingHelper(m *shared.Mutex[config]) int {
	g, _ := m.Lock()
	n := inspect(g)
	n += g.Get().n
	g.Unlock()
	return n
}

func okWith(m *shared.Mutex[config]) {
	m.With(func(c *config) { c.n++ })
}

func okForget(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	p := g.Get()
	p.n++
	g.Unlock()
	p = nil
	_ = p
}

func okEarlyReturn(m *shared.Mutex[config], quick bool) int {
	g, _ := m.Lock()
	if quick {
		g.Unlock()
		return 0
	}
	n := g.Get().n
	g.Unlock()
	return n
}

func okLoad(m *shared.Mutex[config]) string {
	c, _ := m.Load()
	return c.name
}

func okSendCopy(m *shared.Mutex[config], ch chan config) {
	g, _ := m.Lock()
	ch <- *g.Get()
	g.Unlock()
}

func okHandGuardToGoroutine(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	go done(g)
}

func okRelockSameVar(m *shared.Mutex[config]) {
	g, _ := m.Lock()
	g.Get().n++
	g.Unlock()
	g, _ = m.Lock()
	g.Get().n++
	g.Unlock()
}
