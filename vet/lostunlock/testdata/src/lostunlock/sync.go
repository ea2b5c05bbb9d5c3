package lostunlock

import (
	"errors"
	"sync"

	"github.com/fearlessgo/fearless/shared"
)

type cache struct {
	mu    sync.Mutex
	rw    sync.RWMutex
	items map[string]int
}

// Positive: the classic early return under a sync.Mutex.
func (c *cache) get(k string) (int, bool) {
	c.mu.Lock() // want `c.mu.Lock\(\) is not unlocked on the path that returns at line 21; unlock it on that path too, or use defer c.mu.Unlock\(\)`
	v, ok := c.items[k]
	if !ok {
		return 0, false
	}
	c.mu.Unlock()
	return v, true
}

// Positive: a read lock kept on the error path.
func (c *cache) size(limit int) int {
	c.rw.RLock() // want `c.rw.RLock\(\) is not unlocked on the path that returns at line 31; unlock it on that path too, or use defer c.rw.RUnlock\(\)`
	if len(c.items) > limit {
		return -1
	}
	n := len(c.items)
	c.rw.RUnlock()
	return n
}

// Negative: a panic between a sync Lock and Unlock (an assertion).
func (c *cache) put(k string, v int) {
	c.mu.Lock()
	if k == "" {
		panic("empty key")
	}
	c.items[k] = v
	c.mu.Unlock()
}

// Positive: a package-level mutex, locked in a loop and kept by break.
var (
	registryMu sync.Mutex
	registry   = map[string]int{}
)

func register(names []string) {
	for i, n := range names {
		registryMu.Lock() // want `registryMu.Lock\(\) is not unlocked`
		if n == "" {
			break
		}
		registry[n] = i
		registryMu.Unlock()
	}
}

// Positive: an embedded mutex.
type counter struct {
	sync.Mutex
	n int
}

func (c *counter) incIfSmall() bool {
	c.Lock() // want `c.Lock\(\) is not unlocked`
	if c.n > 10 {
		return false
	}
	c.n++
	c.Unlock()
	return true
}

// Positive: a guard discarded at once.
func discard(m *shared.Mutex[int]) {
	m.Lock() // want `the guard from m.Lock\(\) is dropped without Unlock, so the lock stays held; keep it in a variable and defer its Unlock\(\)`
}

// Positive: TryLock whose err is only compared with nil: ErrPoisoned still
// gives the guard.
func try(m *shared.Mutex[int]) bool {
	g, err := m.TryLock() // want `guard g from m.TryLock\(\) is not unlocked`
	if err != nil {
		return false
	}
	g.Unlock()
	return true
}

// Positive: the only return is a failure that keeps the read lock.
type remote struct {
	mu     sync.RWMutex
	closed bool
}

var errClosed = errors.New("closed")

func (r *remote) acquire() error {
	for {
		r.mu.RLock() // want `r.mu.RLock\(\) is not unlocked on the path that returns at line 109`
		if r.closed {
			return errClosed
		}
		r.mu.RUnlock()
	}
}
