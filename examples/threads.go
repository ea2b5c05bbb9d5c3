package examples

import (
	"github.com/fearlessgo/fearless/examples/builder"
	"github.com/fearlessgo/fearless/examples/daemonthreads"
	"github.com/fearlessgo/fearless/examples/gil"
	"github.com/fearlessgo/fearless/examples/joinvalue"
	"github.com/fearlessgo/fearless/examples/movename"
	"github.com/fearlessgo/fearless/examples/movevector"
	"github.com/fearlessgo/fearless/examples/multiplethreads"
	"github.com/fearlessgo/fearless/examples/scopedthreads"
	"github.com/fearlessgo/fearless/examples/spawnjoin"
	"github.com/fearlessgo/fearless/examples/threadpanic"
)

func init() {
	register(
		Example{Name: "spawn-join", Chapter: "threads", Run: spawnjoin.Run,
			Concept: "thread::spawn + JoinHandle::join: thread.Go returns a JoinHandle; Join waits for the thread"},
		Example{Name: "daemon-threads", Chapter: "threads", Run: daemonthreads.Run,
			Concept: "threads are daemon threads: main does not wait for a thread it did not join, and a program ends with main"},
		Example{Name: "move-name", Chapter: "threads", Run: movename.Run,
			Concept: "move || with String::from(\"Alice\"): in Go, hand the thread its own copy; Go does not track ownership"},
		Example{Name: "move-vector", Chapter: "threads", Run: movevector.Run,
			Concept: "move closures: Go captures by reference, so give the thread its own copy"},
		Example{Name: "multiple-threads", Chapter: "threads", Run: multiplethreads.Run,
			Concept: "many JoinHandles: thread.Spawn returns each thread's value through Join"},
		Example{Name: "join-value", Chapter: "threads", Run: joinvalue.Run,
			Concept: "join() -> Result<T>: Join returns (17, nil), or a *thread.PanicError"},
		Example{Name: "thread-panic", Chapter: "threads", Run: threadpanic.Run,
			Concept: "panics stay in their thread: Join returns the payload in a *thread.PanicError (downcast_ref is a type switch)"},
		Example{Name: "builder", Chapter: "threads", Run: builder.Run,
			Concept: "thread::Builder: thread.NewBuilder().Name(...).StackSize(...), and thread.Current().Name()"},
		Example{Name: "scoped-threads", Chapter: "threads", Run: scopedthreads.Run,
			Concept: "thread::scope: thread.Scope lets threads use the caller's locals and joins them all"},
		Example{Name: "gil", Chapter: "threads", Run: gil.Run,
			Concept: "no GIL: four threads sum in parallel; Go's M:N scheduler spreads them over the cores"},
	)
}
