package thread_test

import (
	"errors"
	"fmt"
	"runtime/debug"

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
	defer func() { thread.SetPanicHook(previous) }()

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

func ExampleTaskWithCancel() {
	// A queue that may drop work it accepted hands out each handle at once,
	// then either runs the task or cancels it; only the first call counts.
	errStopped := errors.New("queue stopped")
	kept, run, _ := thread.TaskWithCancel(func() int { return 7 })
	dropped, _, cancel := thread.TaskWithCancel(func() int { return 8 })
	run()              // a worker took the first task
	cancel(errStopped) // the queue stopped before the second one ran

	fmt.Println(kept.Join())
	_, err := dropped.Join()
	fmt.Println(err, errors.Is(err, errStopped))
	// Output:
	// 7 <nil>
	// queue stopped true
}

func ExampleReportPanic() {
	previous := thread.SetPanicHook(func(e *thread.PanicError) {
		fmt.Println("hook:", e)
	})
	defer func() { thread.SetPanicHook(previous) }()

	// A worker that runs callbacks itself recovers their panics and reports
	// them as a panicking thread's would be.
	runCallback := func(name string, f func()) {
		defer func() {
			if v := recover(); v != nil {
				thread.ReportPanic(&thread.PanicError{Value: v, Stack: debug.Stack(), Thread: name})
			}
		}()
		f()
	}
	runCallback("event-loop", func() { panic("bad event") })
	fmt.Println("the worker goes on")
	// Output:
	// hook: thread 'event-loop' panicked: bad event
	// the worker goes on
}
