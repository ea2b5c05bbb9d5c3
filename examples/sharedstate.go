package examples

import (
	"github.com/fearlessgo/fearless/examples/arcmutexcounter"
	"github.com/fearlessgo/fearless/examples/arcvector"
	"github.com/fearlessgo/fearless/examples/mutexbasics"
	"github.com/fearlessgo/fearless/examples/mutexvec"
	"github.com/fearlessgo/fearless/examples/rwlockproducer"
	"github.com/fearlessgo/fearless/examples/rwlockreaders"
)

func init() {
	register(
		Example{Name: "mutex-basics", Chapter: "shared state", Run: mutexbasics.Run,
			Concept: "Mutex<T> owns its data: shared.NewMutex(5); Lock returns a guard, the only way to the value; prints like {:?}"},
		Example{Name: "arc-mutex-counter", Chapter: "shared state", Run: arcmutexcounter.Run,
			Concept: "Arc<Mutex<i32>> across 10 threads: shared.NewArc(shared.NewMutex(0), nil), Clone per thread, Value().Lock()"},
		Example{Name: "arc-vector", Chapter: "shared state", Run: arcvector.Run,
			Concept: "Arc<Vec> read by many threads: an Arc handle per thread, Drop when done; it prints as its value does"},
		Example{Name: "mutex-vec", Chapter: "shared state", Run: mutexvec.Run,
			Concept: "Mutex<Vec>: push through the guard; a guard prints as the value it guards"},
		Example{Name: "rwlock-readers", Chapter: "shared state", Run: rwlockreaders.Run,
			Concept: "RwLock<T>: many readers or one writer; shared.RwLock's Read and Write guards"},
		Example{Name: "rwlock-producer", Chapter: "shared state", Run: rwlockproducer.Run,
			Concept: "one producer, two consumers on an RwLock: Write blocks readers; a waiting writer goes before new readers"},
	)
}
