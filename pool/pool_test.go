package pool

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
)

func TestGoRunsEveryTaskOnce(t *testing.T) {
	leak.Check(t)
	p := New(4)
	const n = 10_000
	var ran [n]atomic.Int32
	for i := range n {
		if err := p.Go(func() { ran[i].Add(1) }); err != nil {
			t.Fatalf("Go #%d: %v", i, err)
		}
	}
	p.Close()
	for i := range ran {
		if c := ran[i].Load(); c != 1 {
			t.Fatalf("task %d ran %d times", i, c)
		}
	}
}

func TestSubmitReturnsResults(t *testing.T) {
	leak.Check(t)
	p := New(3)
	defer p.Close()
	var hs []*thread.JoinHandle[int]
	for i := range 1000 {
		h, err := Submit(p, func() int { return i * i })
		if err != nil {
			t.Fatal(err)
		}
		hs = append(hs, h)
	}
	for i, h := range hs {
		v, err := h.Join()
		if err != nil || v != i*i {
			t.Fatalf("task %d: Join = %d, %v", i, v, err)
		}
		if v2, _ := h.Join(); v2 != v || !h.IsFinished() {
			t.Fatal("a second Join differs")
		}
	}
}

func TestTasksRunOnNamedWorkers(t *testing.T) {
	leak.Check(t)
	p := New(2)
	defer p.Close()
	h, _ := Submit(p, func() string { return thread.Current().Name() })
	name, _ := h.Join()
	if name != "pool-worker-0" && name != "pool-worker-1" {
		t.Fatalf("task ran on thread %q", name)
	}
}

func TestSubmitPanicComesBackAndWorkerLives(t *testing.T) {
	leak.Check(t)
	p := New(1)
	defer p.Close()
	h, _ := Submit(p, func() int { panic("task failed") })
	_, err := h.Join()
	var pe *thread.PanicError
	if !errors.As(err, &pe) || pe.Value != "task failed" || len(pe.Stack) == 0 {
		t.Fatalf("Join = %v, want the task's PanicError", err)
	}
	h2, _ := Submit(p, func() int { return 42 })
	if v, err := h2.Join(); v != 42 || err != nil {
		t.Fatalf("the only worker did not survive: %v, %v", v, err)
	}
}

func TestGoPanicGoesToOnPanicAndWorkerLives(t *testing.T) {
	leak.Check(t)
	got := make(chan *thread.PanicError, 1)
	p := NewWithOptions(1, OnPanic(func(e *thread.PanicError) { got <- e }))
	defer p.Close()
	p.Go(func() { panic(errors.New("boom")) })
	e := <-got
	if e.Error() != "thread 'pool-worker-0' panicked: boom" || !strings.Contains(string(e.Stack), "TestGoPanic") {
		t.Fatalf("OnPanic got %v\n%s", e, e.Stack)
	}
	h, _ := Submit(p, func() int { return 7 })
	if v, _ := h.Join(); v != 7 {
		t.Fatal("worker died with its task")
	}
}

func TestGoPanicIsReportedThroughThreadHook(t *testing.T) {
	leak.Check(t)
	got := make(chan *thread.PanicError, 2)
	prev := thread.SetPanicHook(func(e *thread.PanicError) { got <- e })
	defer func() { thread.SetPanicHook(prev) }()
	p := New(1)
	defer p.Close()
	p.Go(func() { panic("reported") })
	e := <-got
	if e.Error() != "thread 'pool-worker-0' panicked: reported" || !strings.Contains(string(e.Stack), "TestGoPanicIsReported") {
		t.Fatalf("hook got %v\n%s", e, e.Stack)
	}
	// The same worker runs the next task only after reporting: one report.
	h, _ := Submit(p, func() int { return 1 })
	h.Join()
	select {
	case e := <-got:
		t.Fatalf("the hook was called again: %v", e)
	default:
	}
}

func TestPanickingOnPanicDoesNotKillWorker(t *testing.T) {
	leak.Check(t)
	p := NewWithOptions(1, OnPanic(func(*thread.PanicError) { panic("handler too") }))
	defer p.Close()
	p.Go(func() { panic("task") })
	h, _ := Submit(p, func() int { return 1 })
	if v, _ := h.Join(); v != 1 {
		t.Fatal("worker died")
	}
}

func TestGoexitInTasksReplacesTheWorker(t *testing.T) {
	leak.Check(t)
	got := make(chan *thread.PanicError, 1)
	p := NewWithOptions(1, OnPanic(func(e *thread.PanicError) { got <- e }))
	p.Go(runtime.Goexit)
	if e := <-got; !errors.Is(e, thread.ErrGoexit) {
		t.Fatalf("OnPanic got %v", e)
	}
	h, _ := Submit(p, func() int { runtime.Goexit(); return 0 })
	if _, err := h.Join(); !errors.Is(err, thread.ErrGoexit) {
		t.Fatalf("Join = %v, want ErrGoexit", err)
	}
	h2, _ := Submit(p, func() int { return 3 })
	if v, _ := h2.Join(); v != 3 {
		t.Fatal("no worker after Goexit")
	}
	p.Close() // joins the replacements too: leak.Check sees none left
}

func TestCloseRunsQueuedWorkThenRefuses(t *testing.T) {
	leak.Check(t)
	p := New(1)
	gate := make(chan struct{})
	var ran atomic.Int32
	p.Go(func() { <-gate; ran.Add(1) })
	for range 100 {
		p.Go(func() { ran.Add(1) })
	}
	closed := make(chan struct{})
	go func() { p.Close(); close(closed) }()
	close(gate)
	<-closed
	if n := ran.Load(); n != 101 {
		t.Fatalf("Close returned after %d of 101 tasks", n)
	}
	if err := p.Go(func() {}); !errors.Is(err, ErrClosed) {
		t.Fatalf("Go after Close = %v", err)
	}
	if h, err := Submit(p, func() int { return 1 }); !errors.Is(err, ErrClosed) || h != nil {
		t.Fatalf("Submit after Close = %v, %v", h, err)
	}
	p.Close() // idempotent
}

func TestConcurrentClosersAllWait(t *testing.T) {
	leak.Check(t)
	p := New(2)
	gate := make(chan struct{})
	var ran atomic.Int32
	for range 50 {
		p.Go(func() { <-gate; ran.Add(1) })
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			p.Close()
			if n := ran.Load(); n != 50 {
				t.Errorf("a Close returned after %d of 50 tasks", n)
			}
		})
	}
	close(gate)
	wg.Wait()
}

func TestCloseFromInsideATask(t *testing.T) {
	leak.Check(t)
	p := New(2)
	var ran atomic.Int32
	submitted := make(chan struct{})
	h, _ := Submit(p, func() int32 {
		<-submitted
		p.Close() // waits for the other worker, which runs the rest, not for itself
		return ran.Load()
	})
	for range 20 {
		if err := p.Go(func() { ran.Add(1) }); err != nil {
			t.Fatal(err)
		}
	}
	close(submitted)
	if v, err := h.Join(); err != nil || v != 20 {
		t.Fatalf("Close inside a task returned with %d of 20 others done (%v)", v, err)
	}
	p.Close()
}

// Each misuse, the zero Pool's methods included, panics at once with a
// message naming the package, the call and the fix.
func TestNewValidatesArguments(t *testing.T) {
	leak.Check(t)
	for _, tc := range []struct {
		f    func()
		want string
	}{
		{func() { New(-1) }, "pool: New needs workers >= 0 (0 means one per GOMAXPROCS), got -1"},
		{func() { QueueSize(-2) }, "pool: QueueSize must be >= 0 (0 hands tasks straight to idle workers), got -2"},
		{func() { NewWithOptions(1, QueueSize(1), nil) }, "pool: NewWithOptions: option 1 is nil; pass options made by QueueSize"},
		{func() { p := New(1); defer p.Close(); p.Go(nil) }, "pool: Go called with a nil function; pass the function to run"},
		{func() { p := New(1); defer p.Close(); Submit[int](p, nil) }, "pool: Submit called with a nil function; pass the function to run"},
		{func() { Submit(nil, func() int { return 0 }) }, "pool: Submit: the Pool is nil or a zero value; make one with New"},
		{func() { new(Pool).Go(func() {}) }, "pool: Pool.Go: the Pool is nil or a zero value; make one with New"},
		{func() { new(Pool).Close() }, "pool: Pool.Close: the Pool is nil or a zero value"},
		{func() { new(Pool).Workers() }, "pool: Pool.Workers: the Pool is nil or a zero value"},
		{func() { (*Pool)(nil).Go(func() {}) }, "pool: Pool.Go: the Pool is nil or a zero value"},
	} {
		if got, _ := panicValue(tc.f).(string); !strings.HasPrefix(got, tc.want) {
			t.Errorf("panic = %q, want %q", got, tc.want)
		}
	}
	p := New(0)
	defer p.Close()
	if p.Workers() != runtime.GOMAXPROCS(0) {
		t.Fatalf("New(0) has %d workers, GOMAXPROCS is %d", p.Workers(), runtime.GOMAXPROCS(0))
	}
}

func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

func TestBoundedQueueFailsFastWhenFull(t *testing.T) {
	leak.Check(t)
	for _, size := range []int{0, 1, 3} {
		p := NewWithOptions(1, QueueSize(size), FailWhenFull())
		gate := make(chan struct{})
		started := make(chan struct{})
		// With size 0 the hand-off needs the worker waiting: Go blocks... so
		// fail-fast Go can only succeed once the worker waits. Retry until it
		// takes the first task; that is not timing, the worker will wait.
		for p.Go(func() { close(started); <-gate }) != nil {
			runtime.Gosched()
		}
		<-started
		for i := range size {
			if err := p.Go(func() {}); err != nil {
				t.Fatalf("size %d: Go #%d into a queue with room = %v", size, i, err)
			}
		}
		if err := p.Go(func() {}); !errors.Is(err, ErrFull) {
			t.Fatalf("size %d: Go into a full queue = %v, want ErrFull", size, err)
		}
		if _, err := Submit(p, func() int { return 0 }); !errors.Is(err, ErrFull) {
			t.Fatalf("size %d: Submit into a full queue = %v, want ErrFull", size, err)
		}
		close(gate)
		p.Close()
	}
}

func TestBoundedQueueBlocksUntilRoom(t *testing.T) {
	leak.Check(t)
	p := NewWithOptions(1, QueueSize(1))
	gate := make(chan struct{})
	var ran atomic.Int32
	p.Go(func() { <-gate; ran.Add(1) })
	done := make(chan error)
	go func() {
		for range 10 { // more than the queue holds: blocks until the gate opens
			if err := p.Go(func() { ran.Add(1) }); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	close(gate)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	p.Close()
	if n := ran.Load(); n != 11 {
		t.Fatalf("%d of 11 tasks ran", n)
	}
}

func TestCloseReleasesABlockedGo(t *testing.T) {
	leak.Check(t)
	p := NewWithOptions(1, QueueSize(0))
	gate := make(chan struct{})
	started := make(chan struct{})
	p.Go(func() { close(started); <-gate })
	<-started
	result := make(chan error)
	go func() { result <- p.Go(func() { t.Error("a task refused by Close ran") }) }()
	closed := make(chan struct{})
	go func() { p.Close(); close(closed) }()
	// Whether Go blocked before Close or came after it, it is refused.
	if err := <-result; !errors.Is(err, ErrClosed) {
		t.Fatalf("blocked Go = %v, want ErrClosed", err)
	}
	close(gate)
	<-closed
}

func TestContextDropsQueuedTasks(t *testing.T) {
	leak.Check(t)
	var hooked atomic.Int32
	prev := thread.SetPanicHook(func(*thread.PanicError) { hooked.Add(1) })
	defer func() { thread.SetPanicHook(prev) }()
	ctx, cancel := context.WithCancel(context.Background())
	p := NewWithOptions(1, Context(ctx))
	gate := make(chan struct{})
	started := make(chan struct{})
	running, _ := Submit(p, func() string { close(started); <-gate; return "finished" })
	<-started
	var queued []*thread.JoinHandle[int]
	var goRan atomic.Bool
	for i := range 5 {
		h, err := Submit(p, func() int { return i })
		if err != nil {
			t.Fatal(err)
		}
		queued = append(queued, h)
		p.Go(func() { goRan.Store(true) })
	}
	cancel()
	if err := p.Go(func() {}); !errors.Is(err, ErrClosed) || !errors.Is(err, context.Canceled) {
		t.Fatalf("Go after cancel = %v", err)
	}
	close(gate)
	if v, err := running.Join(); v != "finished" || err != nil {
		t.Fatalf("the running task = %q, %v; it should finish", v, err)
	}
	for i, h := range queued {
		v, err := h.Join()
		if v != 0 || !errors.Is(err, ErrDropped) || !errors.Is(err, context.Canceled) {
			t.Fatalf("queued task %d: Join = %v, %v; want 0 and ErrDropped", i, v, err)
		}
		if err.Error() != "pool: task dropped before it ran: context canceled" {
			t.Fatalf("queued task %d: Join error %q", i, err)
		}
		var pe *thread.PanicError
		if errors.As(err, &pe) {
			t.Fatalf("queued task %d: a dropped task's error is a PanicError: %v", i, err)
		}
		if !h.IsFinished() {
			t.Fatalf("queued task %d: not finished after Join", i)
		}
	}
	p.Close()
	if goRan.Load() {
		t.Fatal("a queued Go task ran after the context ended")
	}
	if n := hooked.Load(); n != 0 {
		t.Fatalf("dropping tasks called the panic hook %d times", n)
	}
}

func TestContextEndsIdleWorkersWithoutClose(t *testing.T) {
	leak.Check(t)
	ctx, cancel := context.WithCancel(context.Background())
	p := NewWithOptions(3, Context(ctx), QueueSize(2))
	cancel()
	for i := range p.workers {
		p.workers[i].Load().Join() // they end on their own
	}
	if _, err := Submit(p, func() int { return 0 }); !errors.Is(err, ErrClosed) {
		t.Fatalf("Submit after cancel = %v", err)
	}
	p.Close()
}

func TestContextReleasesABlockedGo(t *testing.T) {
	leak.Check(t)
	ctx, cancel := context.WithCancelCause(context.Background())
	p := NewWithOptions(1, Context(ctx), QueueSize(0))
	defer p.Close()
	gate := make(chan struct{})
	started := make(chan struct{})
	p.Go(func() { close(started); <-gate })
	<-started
	result := make(chan error)
	go func() { result <- p.Go(func() {}) }()
	why := errors.New("shutting down")
	cancel(why)
	if err := <-result; !errors.Is(err, ErrClosed) || !errors.Is(err, why) {
		t.Fatalf("blocked Go = %v, want ErrClosed and the cause", err)
	}
	close(gate)
}
