package thread_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/fearlessgo/fearless/thread"
)

// The README's headline: a thread with no result, joined.
func ExampleGo() {
	h := thread.Go(func() { fmt.Println("hello from a thread") })
	if _, err := h.Join(); err != nil {
		fmt.Println("it panicked:", err)
	}
	fmt.Println("joined")
	// Output:
	// hello from a thread
	// joined
}

// A Builder names the thread; the name shows in panics and in Current.
func ExampleBuilder() {
	b := thread.NewBuilder().Name("loader").StackSize(1 << 20)
	h, err := thread.SpawnWith(b, func() string { return thread.Current().Name() })
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h.Join())
	// Output: loader <nil>
}

// The panic hook sees each panic as it happens; Join still returns it.
func ExampleSetPanicHook() {
	previous := thread.SetPanicHook(func(e *thread.PanicError) {
		fmt.Fprintln(os.Stdout, "hook:", e.Value)
	})
	defer func() { thread.SetPanicHook(previous) }()

	_, err := thread.Spawn(func() int { panic(errors.New("disk full")) }).Join()
	fmt.Println("join:", err)
	// Output:
	// hook: disk full
	// join: thread '<unnamed>' panicked: disk full
}

// ScopedSpawn returns a value from a thread that borrows the caller's slice.
func ExampleScopedSpawn() {
	data := []int{1, 2, 3, 4}
	total := thread.Scope(func(s *thread.ScopeHandle) int {
		left := thread.ScopedSpawn(s, func() int { return data[0] + data[1] })
		right := thread.ScopedSpawn(s, func() int { return data[2] + data[3] })
		l, _ := left.Join()
		r, _ := right.Join()
		return l + r
	})
	fmt.Println(total)
	// Output: 10
}
