package lockorder

import (
	"sync"

	"github.com/fearlessgo/fearless/shared"
)

// 17. Locked twice on one path: the missing Unlock comes back round.
type server struct {
	mu    sync.Mutex
	drain bool
}

func (s *server) stop() {
	s.mu.Lock()
	if s.drain {
		s.mu.Lock() // want `lock order: s.mu is taken here while it is already held \(from line 16\), and a lock is not reentrant, so this waits forever; release it first, or call a variant that expects it held`
		return
	}
	s.drain = true
	s.mu.Unlock()
}

// 18. Taken again through a call.
func (s *server) isDraining() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.drain
}

func (s *server) shutdown() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.isDraining() { // want `lock order: s.mu is taken here, in isDraining, while it is already held \(from line 33\)`
		s.drain = true
	}
}

// 19. A recursive read lock.
type state struct {
	sync.RWMutex
	cpus []int
}

func (st *state) get() []int {
	st.RLock()
	defer st.RUnlock()
	return st.cpus
}

func (st *state) report() int {
	st.RLock()
	defer st.RUnlock()
	return len(st.get()) // want `lock order: st is read-locked here, in get, while this goroutine already holds its read lock \(from line 53\); a writer queued between the two makes this wait forever, so release the first read lock before`
}

// 20. With around a Lock of the same mutex.
func withSelf(m *shared.Mutex[int]) {
	m.With(func(v *int) {
		g, _ := m.Lock() // want `lock order: m is taken here while it is already held \(from the m.With that runs this function\)`
		*v += *g.Get()
		g.Unlock()
	})
}

// 21. A continue that skips the Unlock, in a loop.
type proxy struct{ conns sync.Mutex }

func (p *proxy) run(fail func() bool) {
	for i := 0; i < 2; i++ {
		p.conns.Lock() // want `lock order: p.conns is taken here while it is already held \(from here, on an earlier turn of the loop\)`
		if fail() {
			continue
		}
		p.conns.Unlock()
	}
}

// Negative: each shard's lock, in a loop, then all released.
type shard struct{ mu sync.Mutex }

func okLockAll(shards []*shard) {
	for _, s := range shards {
		s.mu.Lock()
	}
	for _, s := range shards {
		s.mu.Unlock()
	}
}

// Negative: a variable bound afresh each turn.
func okLockEach(shards []*shard) {
	for i := 0; i < len(shards); i++ {
		s := shards[i]
		s.mu.Lock()
	}
	for i := range shards {
		shards[i].mu.Unlock()
	}
}

// Negative: the helper is called after the Unlock.
func (s *server) okAfterUnlock() bool {
	s.mu.Lock()
	s.drain = false
	s.mu.Unlock()
	return s.isDraining()
}

// Negative: a lock of another value of the same type.
func (s *server) okOther(o *server) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return o.isDraining()
}

// Negative: the receiver is given another value: its lock is another lock.
type node struct {
	mu     sync.Mutex
	parent *node
	depth  int
}

func (n *node) top() int {
	for {
		n.mu.Lock()
		p := n.parent
		n.mu.Unlock()
		if p == nil {
			break
		}
		n = p
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.depth
}

func (n *node) okUp() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.parent == nil {
		return n.depth
	}
	return n.parent.top()
}
