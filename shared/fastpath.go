package shared

import (
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/sched"
)

// The fast paths of the atomics and locks read one of these words with
// atomic.LoadUint32, which is what fits into an inlinable method beside the
// work itself. They are kept up to date when a scheduler comes or goes
// (sched.OnInstall) and when deadlock detection starts or stops.
var (
	// Bit o is set while an atomic operation of the kind with ordering o
	// may be the plain sync/atomic one: o is valid for the kind and no
	// scheduler is installed.
	fastLoad  = uint32(loadOrderings)
	fastStore = uint32(storeOrderings)
	fastRMW   = uint32(rmwOrderings)

	// fastLock is 1 while a lock may take its one-CAS path: no scheduler
	// is installed and deadlock detection is off.
	fastLock uint32 = 1
)

var fastPaths struct {
	mu        sync.Mutex
	modelled  bool // a scheduler is installed
	detecting bool // deadlock detection is on
}

func init() {
	sched.OnInstall(func(installed bool) {
		fastPaths.mu.Lock()
		defer fastPaths.mu.Unlock()
		fastPaths.modelled = installed
		updateFastPaths()
	})
}

// setDetecting records whether deadlock detection is on.
func setDetecting(on bool) {
	fastPaths.mu.Lock()
	defer fastPaths.mu.Unlock()
	fastPaths.detecting = on
	detecting.Store(on)
	updateFastPaths()
}

func updateFastPaths() {
	atomics := !fastPaths.modelled
	atomic.StoreUint32(&fastLoad, mask(atomics, loadOrderings))
	atomic.StoreUint32(&fastStore, mask(atomics, storeOrderings))
	atomic.StoreUint32(&fastRMW, mask(atomics, rmwOrderings))
	atomic.StoreUint32(&fastLock, mask(atomics && !fastPaths.detecting, 1))
}

func mask(on bool, m orderings) uint32 {
	if on {
		return uint32(m)
	}
	return 0
}

// slowPath reports whether lock operations must leave their fast path: a
// scheduler needs the switch point and the parking, or detection is on.
func slowPath() bool { return atomic.LoadUint32(&fastLock) == 0 }
