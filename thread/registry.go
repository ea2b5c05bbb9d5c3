package thread

import (
	"sync"
	"sync/atomic"
)

// running maps the id of every live spawned thread to its Thread, for
// Current. Most threads take a slot of a table without locking; a thread
// whose slot is taken goes to a locked map.
var running registry

const slotBits = 12

type registry struct {
	slots    [1 << slotBits]atomic.Pointer[Thread]
	mu       sync.Mutex
	overflow map[uint64]*Thread
}

// slot spreads consecutive ids (Fibonacci hashing) so that threads started
// one after the other do not write to the same cache line.
func (r *registry) slot(id uint64) *atomic.Pointer[Thread] {
	return &r.slots[(id*0x9E3779B97F4A7C15)>>(64-slotBits)]
}

func (r *registry) store(t *Thread) {
	if r.slot(t.id).CompareAndSwap(nil, t) {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.overflow == nil {
		r.overflow = map[uint64]*Thread{}
	}
	r.overflow[t.id] = t
}

func (r *registry) delete(id uint64, t *Thread) {
	if r.slot(id).CompareAndSwap(t, nil) {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.overflow, id)
}

func (r *registry) load(id uint64) *Thread {
	if t := r.slot(id).Load(); t != nil && t.id == id {
		return t
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.overflow[id]
}
