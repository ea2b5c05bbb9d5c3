package thread_test

import (
	"errors"
	"fmt"

	"github.com/fearlessgo/fearless/thread"
)

func ExampleSpawn() {
	h := thread.Spawn(func() int { return 17 })
	v, err := h.Join()
	fmt.Println(v, err)
	// Output: 17 <nil>
}

func ExampleJoinHandle_Join() {
	previous := thread.SetPanicHook(func(*thread.PanicError) {}) // keep stderr quiet
	defer thread.SetPanicHook(previous)

	h := thread.Spawn(func() int { panic("oh no") })
	_, err := h.Join()
	var pe *thread.PanicError
	if errors.As(err, &pe) {
		fmt.Println("payload:", pe.Value)
	}
	fmt.Println(err)
	// Output:
	// payload: oh no
	// thread '<unnamed>' panicked: oh no
}

func ExampleScope() {
	words := []string{"fearless", "concurrency"}
	lengths := make([]int, len(words))
	thread.Scope(func(s *thread.ScopeHandle) struct{} {
		for i, w := range words {
			s.Go(func() { lengths[i] = len(w) })
		}
		return struct{}{}
	})
	fmt.Println(lengths)
	// Output: [8 11]
}

func ExampleSpawnWith() {
	b := thread.NewBuilder().Name("worker-1").StackSize(32 * 1024)
	h, err := thread.SpawnWith(b, func() string { return thread.Current().Name() })
	if err != nil {
		panic(err)
	}
	name, _ := h.Join()
	fmt.Println(name)
	// Output: worker-1
}

func ExampleCurrent() {
	h := thread.Spawn(thread.Current)
	t, _ := h.Join()
	fmt.Println(t == h.Thread())
	// Output: true
}

func ExamplePark() {
	done := make(chan bool, 1)
	h := thread.Go(func() {
		thread.Park() // returns once main unparks this thread
		done <- true
	})
	h.Thread().Unpark()
	h.Join()
	fmt.Println(<-done)
	// Output: true
}
