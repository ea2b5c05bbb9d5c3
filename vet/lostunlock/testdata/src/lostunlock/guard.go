package lostunlock

import (
	"errors"

	"github.com/fearlessgo/fearless/shared"
)

var errEmpty = errors.New("empty")

type account struct {
	balance *shared.Mutex[int]
}

// Positive: the early return keeps the lock.
func withdraw(a *account, n int) error {
	g, _ := a.balance.Lock() // want `guard g from a.balance.Lock\(\) is not unlocked on the path that returns at line 19; add defer g.Unlock\(\) after it`
	if *g.Get() < n {
		return errEmpty
	}
	*g.Get() -= n
	g.Unlock()
	return nil
}

// Positive: the poisoned guard is a guard too.
func readPoisoned(m *shared.Mutex[int]) (int, error) {
	g, err := m.Lock() // want `guard g from m.Lock\(\) is not unlocked on the path that returns at line 30 \(a guard that comes with ErrPoisoned holds the lock too\); add defer g.Unlock\(\) after it`
	if err != nil {
		return 0, err
	}
	v := *g.Get()
	g.Unlock()
	return v, nil
}

// Positive: a panic skips the plain Unlock.
func mustPositive(m *shared.Mutex[int]) {
	g, _ := m.Lock() // want `guard g from m.Lock\(\) stays locked if the panic at line 41 happens; add defer g.Unlock\(\) after it`
	if *g.Get() < 0 {
		panic("negative")
	}
	g.Unlock()
}

// Positive: never unlocked at all.
func forgot(m *shared.Mutex[[]string], s string) {
	g, _ := m.Lock() // want `guard g from m.Lock\(\) is not unlocked`
	*g.Get() = append(*g.Get(), s)
}

// Positive: a read guard kept by a loop's early exit.
func find(l *shared.RwLock[[]int], x int) bool {
	for i := 0; i < 3; i++ {
		r, _ := l.Read() // want `guard r from l.Read\(\) is not unlocked`
		for _, v := range *r.Get() {
			if v == x {
				return true
			}
		}
		r.Unlock()
	}
	return false
}

// Positive: a write guard unlocked on one branch only.
func maybeAppend(l *shared.RwLock[[]int], x int) {
	w, _ := l.Write() // want `guard w from l.Write\(\) is not unlocked`
	if x > 0 {
		*w.Get() = append(*w.Get(), x)
		w.Unlock()
	}
}

// Positive: switch with a case that returns.
func classify(m *shared.Mutex[int]) string {
	g, _ := m.Lock() // want `guard g from m.Lock\(\) is not unlocked`
	switch v := *g.Get(); {
	case v < 0:
		return "negative"
	case v == 0:
		g.Unlock()
		return "zero"
	}
	g.Unlock()
	return "positive"
}

// Positive: a helper that only reads the guard does not release it.
func show(g *shared.MutexGuard[int]) int { return *g.Get() }

func borrowOnly(m *shared.Mutex[int]) int {
	g, _ := m.Lock() // want `guard g from m.Lock\(\) is not unlocked`
	return show(g)
}

// Positive: a closure that unlocks, but only one path calls it.
func closureOnePath(m *shared.Mutex[int], early bool) {
	g, _ := m.Lock() // want `guard g from m.Lock\(\) is not unlocked`
	if early {
		return
	}
	func() { g.Unlock() }()
}

// Positive: continue skips the unlock at the end of the body.
func sumPositive(ms []*shared.Mutex[int]) int {
	total := 0
	for _, m := range ms {
		g, _ := m.Lock() // want `guard g from m.Lock\(\) is not unlocked`
		if *g.Get() < 0 {
			continue
		}
		total += *g.Get()
		g.Unlock()
	}
	return total
}
