package examples

import (
	"github.com/fearlessgo/fearless/examples/chatsystem"
	"github.com/fearlessgo/fearless/examples/parallelmap"
	"github.com/fearlessgo/fearless/examples/parallelsum"
	"github.com/fearlessgo/fearless/examples/patternconfig"
	"github.com/fearlessgo/fearless/examples/poolpackage"
	"github.com/fearlessgo/fearless/examples/threadsafecounter"
	"github.com/fearlessgo/fearless/examples/workerpool"
)

func init() {
	register(
		Example{Name: "worker-pool", Chapter: "patterns", Run: workerpool.Run,
			Concept: "a pool sharing one Receiver, ended by drop(tx): mpsc.Receiver is safe to share, so no Arc<Mutex<Receiver>>; tx.Close() ends it"},
		Example{Name: "pool", Chapter: "patterns", Run: poolpackage.Run,
			Concept: "the same pool as a package: pool.New(4), Go/Submit (a JoinHandle), Close drains and joins; a panic never kills a worker"},
		Example{Name: "parallel-sum", Chapter: "patterns", Run: parallelsum.Run,
			Concept: "chunks summed on spawned threads and joined; par.Sum does the splitting (rayon's par_iter().sum())"},
		Example{Name: "shared-config", Chapter: "patterns", Run: patternconfig.Run,
			Concept: "Arc<Config> read by three threads: shared.NewArc, Clone per thread, Drop when done"},
		Example{Name: "parallel-map", Chapter: "patterns", Run: parallelmap.Run,
			Concept: "exercise 1, parallel_map: by hand with thread.Scope over chunks, and par.Map (rayon's par_iter().map())"},
		Example{Name: "chat-system", Chapter: "patterns", Run: chatsystem.Run,
			Concept: "exercise 2, a chat: each user thread owns a Sender clone; the receiver prints until every sender is closed"},
		Example{Name: "thread-safe-counter", Chapter: "patterns", Run: threadsafecounter.Run,
			Concept: "exercise 3, a counter with Increment and Get: shared.Mutex[int64] (Arc<Mutex>) or shared.AtomicInt64 (AtomicI64)"},
	)
}
