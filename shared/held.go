package shared

import (
	"runtime"
	"slices"
	"sync"

	"github.com/fearlessgo/fearless/internal/goid"
)

// stackDepth is how many frames a report shows per edge.
const stackDepth = 32

// gstate is what deadlock detection knows about one goroutine: the locks it
// holds, in the order it took them. It is found by the goroutine's key (see
// currentKey). Only its goroutine adds to held; any goroutine may remove
// from it (a guard may be unlocked elsewhere), so mu guards it, and since it
// is almost never contended it stays cheap.
type gstate struct {
	mu   sync.Mutex
	key  uint64
	held []*lockNode
	// pinned records that the goroutine holding these locks is pinned to
	// its thread by detection (Linux): one LockOSThread to undo when it
	// holds nothing any more.
	pinned bool
	dead   bool // swept from its shard: look the goroutine up again
}

// gshards maps keys to their gstate. Sharding keeps goroutines from
// contending on one lock; a shard's map is swept of entries that hold
// nothing whenever it has doubled, so goroutines that ended do not pile up.
var gshards [64]struct {
	mu    sync.Mutex
	m     map[uint64]*gstate
	limit int
	_     [32]byte // keep shards on separate cache lines
}

func lookupG(key uint64) *gstate {
	sh := &gshards[key%uint64(len(gshards))]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if gs := sh.m[key]; gs != nil {
		return gs
	}
	if sh.m == nil {
		sh.m = make(map[uint64]*gstate)
	}
	if len(sh.m) >= sh.limit {
		for k, gs := range sh.m {
			gs.mu.Lock()
			if len(gs.held) == 0 && !gs.pinned {
				gs.dead = true
				delete(sh.m, k)
			}
			gs.mu.Unlock()
		}
		sh.limit = max(16, 2*len(sh.m))
	}
	gs := &gstate{key: key}
	sh.m[key] = gs
	return gs
}

// pin finds the calling goroutine's gstate, pinning the goroutine to its
// thread where that is how it is found. A goroutine is pinned once however
// many locks it holds: the extra LockOSThread is undone at once.
func pin() *gstate {
	for {
		gs := lookupG(currentKey())
		gs.mu.Lock()
		if gs.dead {
			gs.mu.Unlock()
			unpin()
			continue
		}
		if gs.pinned {
			unpin()
		} else {
			gs.pinned = pinsThreads
		}
		gs.mu.Unlock()
		return gs
	}
}

// unpinIdle unpins the calling goroutine, which owns gs, if it holds no
// lock: a goroutine about to wait for its first lock waits unpinned, so
// that only goroutines holding locks keep threads.
func unpinIdle(gs *gstate) {
	gs.mu.Lock()
	if len(gs.held) == 0 && gs.pinned {
		gs.pinned = false
		unpin()
	}
	gs.mu.Unlock()
}

// beforeLock runs, for the calling goroutine (gs), before it takes n
// without try: it adds an edge from every lock the goroutine holds to n,
// and reports the cycles they close, before n is taken. Edges already
// known cost one lock-free map lookup each.
func beforeLock(gs *gstate, n *lockNode) {
	var buf [4]*lockNode
	fresh := buf[:0]
	gs.mu.Lock()
	for _, h := range gs.held {
		if !h.hasEdgeTo(n) && !slices.Contains(fresh, h) {
			fresh = append(fresh, h)
		}
	}
	gs.mu.Unlock()
	if len(fresh) == 0 {
		return
	}
	// New edges are rare: now is the time to pay for the goroutine id and
	// the stack the report shows.
	var pcs [stackDepth]uintptr
	k := runtime.Callers(3, pcs[:])
	stack := slices.Clone(pcs[:k])
	gid := goid.Current()
	for _, h := range fresh {
		graph.addEdge(h, n, gid, stack)
	}
}

// acquireTracked takes raw, the lock whose node is n, while detection is
// on. It returns the gstate the guard must release the lock from (nil if
// it did not take it) and whether the lock is poisoned. With isTry, the
// acquisition never waits and so adds no edge into n.
func acquireTracked(n *lockNode, raw rawLock, isTry bool) (gs *gstate, poisoned bool) {
	gs = pin()
	if !isTry {
		reported := false
		defer func() {
			if !reported { // the report function panicked
				unpinIdle(gs)
			}
		}()
		beforeLock(gs, n)
		reported = true
	}
	ok, poisoned := raw.tryLock()
	if !ok {
		unpinIdle(gs)
		if isTry {
			return nil, false
		}
		poisoned = raw.lock()
		gs = pin()
	}
	for {
		gs.mu.Lock()
		if !gs.dead {
			gs.held = append(gs.held, n)
			gs.mu.Unlock()
			return gs, poisoned
		}
		gs.mu.Unlock()
		gs = lookupG(gs.key) // swept while it held nothing (without pinning)
	}
}

// releaseHeld forgets the most recent hold of n by gs, and unpins the
// goroutine when it holds nothing any more. When another goroutine
// releases the last lock, the owner cannot be unpinned from here: it stays
// pinned to its thread, which only costs that thread when it ends.
func releaseHeld(gs *gstate, n *lockNode) {
	gs.mu.Lock()
	for i := len(gs.held) - 1; i >= 0; i-- {
		if gs.held[i] == n {
			gs.held = slices.Delete(gs.held, i, i+1)
			break
		}
	}
	idle := len(gs.held) == 0 && gs.pinned
	if idle {
		gs.pinned = false
	}
	gs.mu.Unlock()
	if idle && onThread(gs.key) {
		unpin()
	}
}
