package lostunlock

import (
	"errors"
	"sync"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Negative: defer right after Lock.
func okDefer(m *shared.Mutex[int]) int {
	g, _ := m.Lock()
	defer g.Unlock()
	if *g.Get() < 0 {
		return 0
	}
	return *g.Get()
}

// Negative: unlocked on every path, error first.
func okEveryPath(m *shared.Mutex[int]) (int, error) {
	g, err := m.Lock()
	if err != nil {
		g.Unlock()
		return 0, err
	}
	v := *g.Get()
	g.Unlock()
	return v, nil
}

// Negative: the guard is returned: the caller owns it.
func lockFirst(ms []*shared.Mutex[int]) *shared.MutexGuard[int] {
	g, _ := ms[0].Lock()
	return g
}

// Negative: the caller of a function that returns a guard unlocks it.
func useLockFirst(ms []*shared.Mutex[int]) {
	g := lockFirst(ms)
	*g.Get() = 1
	g.Unlock()
}

// Negative: handed to a helper that unlocks it.
func release(g *shared.MutexGuard[int]) {
	*g.Get() = 0
	g.Unlock()
}

func okHelper(m *shared.Mutex[int]) {
	g, _ := m.Lock()
	release(g)
}

// Negative: handed to a goroutine that unlocks it.
func okGoroutine(m *shared.Mutex[int]) {
	g, _ := m.Lock()
	go func() {
		defer g.Unlock()
		*g.Get()++
	}()
}

// Negative: a deferred closure that unlocks.
func okDeferredClosure(m *shared.Mutex[int]) {
	g, _ := m.Lock()
	defer func() {
		g.Unlock()
	}()
	*g.Get()++
}

// Negative: TryLock that failed with ErrWouldBlock holds nothing.
func okTry(m *shared.Mutex[int]) bool {
	g, err := m.TryLock()
	if errors.Is(err, shared.ErrWouldBlock) {
		return false
	}
	defer g.Unlock()
	*g.Get()++
	return true
}

// Negative: a nil guard holds nothing.
func okTryNil(l *shared.RwLock[int]) int {
	r, _ := l.TryRead()
	if r == nil {
		return -1
	}
	v := *r.Get()
	r.Unlock()
	return v
}

// Negative: With holds the lock only while its function runs.
func okWith(m *shared.Mutex[int]) {
	m.With(func(v *int) {
		if *v < 0 {
			return
		}
		*v++
	})
}

// Negative: a lock helper hands the lock to its caller.
type table struct {
	mu   sync.Mutex
	rows []int
}

func (t *table) lock()   { t.mu.Lock() }
func (t *table) unlock() { t.mu.Unlock() }

func (t *table) okHelpers(x int) {
	t.lock()
	defer t.unlock()
	t.rows = append(t.rows, x)
}

// Negative: unlocked early inside a loop, locked again, unlocked at the end.
func (t *table) okLoop() {
	t.mu.Lock()
	for i := range t.rows {
		if t.rows[i] < 0 {
			t.mu.Unlock()
			t.rows[i] = 0
			t.mu.Lock()
		}
	}
	t.mu.Unlock()
}

// Negative: called with the lock held, lets it go and takes it back.
func (t *table) waitLocked(c chan int) {
	t.mu.Unlock()
	<-c
	t.mu.Lock()
}

// Negative: sync TryLock that failed holds nothing.
func (t *table) okTryLock() bool {
	if !t.mu.TryLock() {
		return false
	}
	defer t.mu.Unlock()
	t.rows = nil
	return true
}

// Negative: a goroutine started under the lock does not hold it, and the
// guard is unlocked at the end.
func okSpawnUnderLock(m *shared.Mutex[int]) {
	g, _ := m.Lock()
	h := thread.Go(func() {})
	*g.Get()++
	g.Unlock()
	h.Join()
}

// Negative: a Condvar wait gives the guard back held; defer unlocks it.
func okCondvar(m *shared.Mutex[bool], c *shared.Condvar[bool]) {
	g, _ := m.Lock()
	defer g.Unlock()
	for !*g.Get() {
		c.Wait(g)
	}
}

// Negative: a guard stored in a struct is the struct's to unlock.
type holder struct{ g *shared.MutexGuard[int] }

func okStored(m *shared.Mutex[int]) *holder {
	g, _ := m.Lock()
	return &holder{g: g}
}

// Negative: sync RWMutex with deferred RUnlock and an early return.
func (c *cache) okRead(k string) int {
	c.rw.RLock()
	defer c.rw.RUnlock()
	if c.items == nil {
		return 0
	}
	return c.items[k]
}

// Negative: a panic after a deferred unlock releases the lock.
func okPanicDeferred(m *shared.Mutex[int]) {
	g, _ := m.Lock()
	defer g.Unlock()
	if *g.Get() < 0 {
		panic("negative")
	}
}

// Negative: kept quiet on purpose, by a directive above or at the end of
// the line's comment.
func okAllowed(m *shared.Mutex[int]) {
	//fearless:allow lostunlock a test of the directive
	m.Lock()
	g, _ := m.Lock() // held on purpose //fearless:allow lostunlock a test
	*g.Get() = 1
}

// Negative: a method value that unlocks, deferred.
func okMethodValue(m *shared.Mutex[int]) {
	g, _ := m.Lock()
	unlock := g.Unlock
	defer unlock()
	*g.Get()++
}

// Negative: a TryLock of one's own: every path to the last return holds the
// lock, which is what the function is for.
type spin struct {
	mu   sync.Mutex
	busy bool
}

func (s *spin) tryAcquire() bool {
	s.mu.Lock()
	if s.busy {
		s.mu.Unlock()
		return false
	}
	return true
}

// Negative: returns holding the lock, with the function that releases it.
func (t *table) grab() (rows []int, release func()) {
	t.mu.Lock()
	if t.rows == nil {
		t.mu.Unlock()
		return nil, func() {}
	}
	return t.rows, t.mu.Unlock
}
