package thread

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
)

func TestJoinReturnsValue(t *testing.T) {
	leak.Check(t)
	h := Spawn(func() int { return 17 })
	for range 3 { // Join may be called again, with the same result
		if v, err := h.Join(); v != 17 || err != nil {
			t.Fatalf("Join() = %v, %v; want 17, nil", v, err)
		}
	}
	if !h.IsFinished() {
		t.Fatal("IsFinished() = false after Join")
	}
	select {
	case <-h.Done():
	default:
		t.Fatal("Done() not closed after Join")
	}
}

func TestJoinFromManyGoroutines(t *testing.T) {
	leak.Check(t)
	release := make(chan struct{})
	h := Spawn(func() string { <-release; return "done" })
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := h.Join(); v != "done" || err != nil {
				t.Errorf("Join() = %q, %v", v, err)
			}
		}()
	}
	if h.IsFinished() {
		t.Fatal("IsFinished() = true before the thread could end")
	}
	close(release)
	wg.Wait()
}

func TestGo(t *testing.T) {
	leak.Check(t)
	ran := false
	h := Go(func() { ran = true })
	if _, err := h.Join(); err != nil || !ran {
		t.Fatalf("Go: err %v, ran %v", err, ran)
	}
}

func TestPanicComesBackFromJoin(t *testing.T) {
	leak.Check(t)
	var reported []*PanicError
	useHook(t, func(e *PanicError) { reported = append(reported, e) })

	h := Spawn(func() int { panic("oh no") })
	v, err := h.Join()
	var pe *PanicError
	if v != 0 || !errors.As(err, &pe) {
		t.Fatalf("Join() = %v, %v; want 0 and a *PanicError", v, err)
	}
	if pe.Value != "oh no" || pe.Thread != "<unnamed>" || !strings.Contains(string(pe.Stack), "spawn_test.go") {
		t.Fatalf("PanicError = %+v", pe)
	}
	if got, want := pe.Error(), "thread '<unnamed>' panicked: oh no"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	if len(reported) != 1 || reported[0] != pe {
		t.Fatalf("hook saw %d panics, want exactly this one", len(reported))
	}
	if _, again := h.Join(); again != err {
		t.Fatal("a second Join returned another error")
	}
	if len(reported) != 1 {
		t.Fatal("a second Join reported the panic again")
	}
}

func TestPanicErrorUnwrap(t *testing.T) {
	leak.Check(t)
	sentinel := errors.New("sentinel")
	_, err := Spawn(func() int { panic(fmt.Errorf("wrapped: %w", sentinel)) }).Join()
	if !errors.Is(err, sentinel) {
		t.Fatalf("errors.Is(%v, sentinel) = false", err)
	}
	_, err = Spawn(func() int { panic(42) }).Join()
	if errors.Unwrap(err) != nil {
		t.Fatalf("Unwrap of a non-error panic = %v, want nil", errors.Unwrap(err))
	}
}

func TestPanicNil(t *testing.T) {
	leak.Check(t)
	_, err := Go(func() { panic(nil) }).Join()
	var pe *PanicError
	var pn *runtime.PanicNilError
	if !errors.As(err, &pe) || !errors.As(err, &pn) {
		t.Fatalf("panic(nil): Join() error = %#v", err)
	}
}

func TestGoexitIsReported(t *testing.T) {
	leak.Check(t)
	_, err := Go(runtime.Goexit).Join()
	if !errors.Is(err, ErrGoexit) {
		t.Fatalf("Join() after Goexit = %v, want ErrGoexit", err)
	}
}

func TestPanicsInManyThreadsAtOnce(t *testing.T) {
	leak.Check(t)
	var reported atomic.Int64
	useHook(t, func(*PanicError) { reported.Add(1) })

	const n = 1000
	start := make(chan struct{})
	handles := make([]*JoinHandle[int], n)
	for i := range handles {
		handles[i] = Spawn(func() int {
			<-start
			if i%2 == 0 {
				panic(i)
			}
			return i
		})
	}
	close(start)
	for i, h := range handles {
		v, err := h.Join()
		var pe *PanicError
		switch {
		case i%2 == 0 && (!errors.As(err, &pe) || pe.Value != i):
			t.Fatalf("thread %d: Join() = %v, %v; want its panic", i, v, err)
		case i%2 == 1 && (v != i || err != nil):
			t.Fatalf("thread %d: Join() = %v, %v", i, v, err)
		}
	}
	if got := reported.Load(); got != n/2 {
		t.Fatalf("hook called %d times, want %d", got, n/2)
	}
}

func TestTenThousandThreads(t *testing.T) {
	leak.Check(t)
	const n = 10000
	handles := make([]*JoinHandle[int], n)
	for i := range handles {
		handles[i] = Spawn(func() int { return i * i })
	}
	sum := 0
	for _, h := range handles {
		v, err := h.Join()
		if err != nil {
			t.Fatal(err)
		}
		sum += v
	}
	if want := (n - 1) * n * (2*n - 1) / 6; sum != want {
		t.Fatalf("sum of squares = %d, want %d", sum, want)
	}
}

func TestSetPanicHookNilRestoresDefault(t *testing.T) {
	custom := func(*PanicError) {}
	prev := SetPanicHook(custom)
	defer func() { SetPanicHook(prev) }()
	if got := SetPanicHook(nil); got == nil {
		t.Fatal("SetPanicHook returned nil for the custom hook")
	}
	if got := SetPanicHook(prev); got != nil {
		t.Fatal("after SetPanicHook(nil) the default hook is not reported as nil")
	}
}

func TestPanicHookThatPanicsIsContained(t *testing.T) {
	leak.Check(t)
	useHook(t, func(*PanicError) { panic("hook") })
	if _, err := Go(func() { panic("thread") }).Join(); err == nil {
		t.Fatal("Join() = nil error for a panicking thread")
	}
}

func TestTask(t *testing.T) {
	leak.Check(t)
	h, run := Task(func() int { return 5 })
	if h.IsFinished() {
		t.Fatal("a task finished before run")
	}
	run()
	run() // later calls do nothing
	if v, err := h.Join(); v != 5 || err != nil {
		t.Fatalf("Join() = %v, %v", v, err)
	}
	p, run := Task(func() int { panic("task") })
	run()
	if _, err := p.Join(); err == nil || err.(*PanicError).Value != "task" {
		t.Fatalf("Join() of a panicking task = %v", err)
	}
}
