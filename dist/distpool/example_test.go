package distpool_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/fearlessgo/fearless/dist/distpool"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/fearlessgo/fearless/thread"
)

func init() {
	distpool.Register("double", func(x int) int { return 2 * x })
	distpool.Register("fail", func(string) int { panic("out of paper") })
}

// A worker serves while a client submits; here both are one process, as
// they may be, but usually the worker runs elsewhere with the same
// registrations.
func Example() {
	dir, _ := os.MkdirTemp("", "distpool-example")
	defer os.RemoveAll(dir)
	srv := natstest.New(dir)
	defer srv.Stop()
	js := srv.JetStream()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error)
	go func() { served <- distpool.Serve(ctx, js, distpool.Name("printer-1")) }()

	prev := thread.SetPanicHook(func(*thread.PanicError) {})
	defer func() { thread.SetPanicHook(prev) }()
	h, _ := distpool.Submit[int, int](context.Background(), js, "double", 21)
	fmt.Println(h.Join())
	bad, _ := distpool.Submit[string, int](context.Background(), js, "fail", "report")
	_, err := bad.Join()
	var pe *thread.PanicError
	fmt.Println(errors.As(err, &pe), pe.Thread, pe.Value)

	cancel()
	fmt.Println(<-served)
	// Output:
	// 42 <nil>
	// true printer-1 out of paper
	// context canceled
}
