package par

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearlessgo/fearless/internal/goid"
	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
)

// twoProcs forces a split over two goroutines whatever the machine.
func twoProcs(t *testing.T) {
	tune(t, mode{"forced-2procs", func() {
		serialMax, sumSerialMax, forceParallel = 0, 0, true
		old := runtime.GOMAXPROCS(2)
		restore = append(restore, func() { runtime.GOMAXPROCS(old) })
	}})
}

// watch counts calls of f in flight and fails the test when f is called
// after the par call returned or panicked.
type watch struct {
	t        *testing.T
	inFlight atomic.Int32
	over     atomic.Bool
}

func (w *watch) enter() func() {
	if w.over.Load() {
		w.t.Error("f was called after the par call had returned")
	}
	w.inFlight.Add(1)
	return func() { w.inFlight.Add(-1) }
}

// settle is called once the par call is over: nothing may still be running.
func (w *watch) settle() {
	w.over.Store(true)
	if n := w.inFlight.Load(); n != 0 {
		w.t.Fatalf("%d calls of f still running after the par call ended", n)
	}
}

func catch(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

func TestPanicOnHelperComesBackAfterAllStopped(t *testing.T) {
	leak.Check(t)
	twoProcs(t)
	w := &watch{t: t}
	caller := goid.Current()
	helperStarted := make(chan struct{})
	var once sync.Once
	v := catch(func() {
		ForEach(ints(5000), func(i, _ int) {
			defer w.enter()()
			if goid.Current() != caller {
				once.Do(func() { close(helperStarted) })
				panic("boom on a helper")
			}
			if i == 0 {
				<-helperStarted // the caller's first element waits for a helper
			}
		})
	})
	w.settle()
	e, ok := v.(*thread.PanicError)
	if !ok {
		t.Fatalf("ForEach panicked with %T %v, want *thread.PanicError", v, v)
	}
	if e.Value != "boom on a helper" || e.Thread != helperName || !strings.Contains(string(e.Stack), "panic") {
		t.Fatalf("PanicError = %+v", e)
	}
}

func TestPanicOnCallerWaitsForHelpers(t *testing.T) {
	leak.Check(t)
	twoProcs(t)
	w := &watch{t: t}
	caller := goid.Current()
	helperStarted, callerPanicking := make(chan struct{}), make(chan struct{})
	var once sync.Once
	v := catch(func() {
		Map(ints(5000), func(v int) int {
			defer w.enter()()
			if goid.Current() != caller {
				once.Do(func() {
					close(helperStarted)
					<-callerPanicking // still running when the caller panics
				})
				return v
			}
			if v == 0 {
				<-helperStarted
				close(callerPanicking)
				panic(errors.New("boom on the caller"))
			}
			return v
		})
	})
	w.settle()
	e, ok := v.(*thread.PanicError)
	if !ok || e.Error() != "thread '<unnamed>' panicked: boom on the caller" {
		t.Fatalf("Map panicked with %T %v", v, v)
	}
	if e.Unwrap() == nil || e.Unwrap().Error() != "boom on the caller" {
		t.Fatalf("PanicError does not unwrap to the panic's error: %v", e.Unwrap())
	}
}

func TestGoexitOnHelperIsReportedAsPanic(t *testing.T) {
	leak.Check(t)
	twoProcs(t)
	caller := goid.Current()
	helperStarted := make(chan struct{})
	var once sync.Once
	v := catch(func() {
		Sum(Map(ints(5000), func(v int) int {
			if goid.Current() != caller {
				once.Do(func() { close(helperStarted) })
				runtime.Goexit()
			}
			if v == 0 {
				<-helperStarted
			}
			return v
		}))
	})
	e, ok := v.(*thread.PanicError)
	if !ok || !errors.Is(e, thread.ErrGoexit) {
		t.Fatalf("Map panicked with %T %v, want a PanicError for Goexit", v, v)
	}
}

func TestGoexitOnCallerWaitsAndGoesOn(t *testing.T) {
	for _, m := range []mode{modes[0], modes[2]} {
		t.Run(m.name, func(t *testing.T) {
			leak.Check(t)
			tune(t, m)
			// Helpers may steal every element of the caller's part before it
			// takes one: then nothing calls Goexit, and the call is made again.
			for attempt := 1; ; attempt++ {
				w := &watch{t: t}
				var exited atomic.Bool
				returned := false
				done := make(chan struct{})
				go func() {
					defer close(done)
					caller := goid.Current()
					ForEach(ints(3000), func(i, _ int) {
						defer w.enter()()
						if goid.Current() == caller && exited.CompareAndSwap(false, true) {
							runtime.Goexit()
						}
					})
					returned = true
				}()
				<-done
				w.settle()
				if exited.Load() {
					if returned {
						t.Fatal("ForEach returned although f called runtime.Goexit on its caller")
					}
					return
				}
				if attempt == 100 {
					t.Fatal("in 100 calls of ForEach the caller handled no element")
				}
			}
		})
	}
}

func TestInlinePanicIsAPanicErrorNamingTheThread(t *testing.T) {
	leak.Check(t)
	for _, n := range []int{1, 5, 1000} { // inline without, and with, measuring
		h, err := thread.SpawnWith(thread.NewBuilder().Name("mapper"), func() []int {
			return Map(ints(n), func(v int) int {
				if v == n-1 {
					panic("last one")
				}
				return v
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		_, err = h.Join()
		var outer *thread.PanicError
		if !errors.As(err, &outer) {
			t.Fatalf("Join = %v", err)
		}
		// Inline, the panic names the caller's thread. A thousand elements
		// are measured first, and on a loaded machine the measure may find
		// them costly enough to split: then a worker ran the element.
		inner, ok := outer.Value.(*thread.PanicError)
		if !ok || inner.Value != "last one" || (inner.Thread != "mapper" && (n < 1000 || inner.Thread != "par worker")) {
			t.Fatalf("n=%d: Map panicked with %#v", n, outer.Value)
		}
	}
}

func TestPanicInReduceAndSumInline(t *testing.T) {
	v := catch(func() {
		Reduce(ints(10), 0, func(a, v int) int { panic("fold") }, func(a, b int) int { return a + b })
	})
	if e, ok := v.(*thread.PanicError); !ok || e.Value != "fold" {
		t.Fatalf("Reduce panicked with %v", v)
	}
	twoProcs(t) // more than one run, so combine is called
	v = catch(func() {
		Reduce(ints(3000), 0, func(a, v int) int { return a + v }, func(a, b int) int { panic("combine") })
	})
	if e, ok := v.(*thread.PanicError); !ok || e.Value != "combine" {
		t.Fatalf("Reduce panicked with %v", v)
	}
}
