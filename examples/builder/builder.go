// Package builder names a thread and asks for a 32 KiB stack with
// thread.Builder, as Rust's thread::Builder does. Go stacks start small and
// grow on demand, so the size is recorded rather than reserved.
package builder

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/thread"
)

// Run starts the named thread, which reads its own name.
func Run(w io.Writer) {
	b := thread.NewBuilder().Name("worker-1").StackSize(32 * 1024)
	handle, err := thread.SpawnWith(b, func() struct{} {
		name := thread.Current().Name()
		if name == "" {
			name = "unknown"
		}
		fmt.Fprintf(w, "Running on thread: %s\n", name)
		return struct{}{}
	})
	if err != nil {
		panic(err)
	}
	handle.Join()

	_, err = thread.SpawnWith(thread.NewBuilder().StackSize(-1), func() int { return 0 })
	fmt.Fprintf(w, "A negative stack size is an error: %v\n", err)
}
