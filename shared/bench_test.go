package shared

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// Each benchmark runs the same work on the fearless primitive
// (impl=shared) and on the Go built-in it replaces (impl=sync), so that one
// run compares them: benchstat -col /impl (and -col /detect for
// BenchmarkDetection).

func BenchmarkMutex(b *testing.B) {
	b.Run("case=uncontended/impl=shared", func(b *testing.B) {
		m := NewMutex(0)
		for b.Loop() {
			g, _ := m.Lock()
			*g.Get()++
			g.Unlock()
		}
	})
	b.Run("case=uncontended/impl=sync", func(b *testing.B) {
		var mu sync.Mutex
		n := 0
		for b.Loop() {
			mu.Lock()
			n++
			mu.Unlock()
		}
	})
	b.Run("case=deferred/impl=shared", func(b *testing.B) {
		m := NewMutex(0)
		for b.Loop() {
			func() {
				g, _ := m.Lock()
				defer g.Unlock()
				*g.Get()++
			}()
		}
	})
	b.Run("case=deferred/impl=sync", func(b *testing.B) {
		var mu sync.Mutex
		n := 0
		for b.Loop() {
			func() {
				mu.Lock()
				defer mu.Unlock()
				n++
			}()
		}
	})
	// impl=floor is the least a lock that poisons on a deferred Unlock can
	// cost: a one-CAS Lock that inlines, and an Unlock that does nothing but
	// the recover() that poisoning on "defer g.Unlock()" needs, which keeps
	// it from inlining. sync.Mutex pays neither call. It has no guard:
	// impl=floor-guard adds the one the contract gives.
	b.Run("case=uncontended/impl=floor", func(b *testing.B) {
		var l floorLock
		n := 0
		for b.Loop() {
			l.Lock()
			n++
			l.Unlock()
		}
	})
	// impl=floor-owned is the floor with the value it guards inside it, on
	// the heap, as a Mutex[T] holds its T: the case's increment is then a
	// write to memory next to the lock word, where sync's and the floor's
	// is to a local variable.
	b.Run("case=uncontended/impl=floor-owned", func(b *testing.B) {
		l := newFloorOwned()
		for b.Loop() {
			l.Lock()
			l.data++
			l.Unlock()
		}
	})
	// impl=floor-guard is floor-owned behind the guard the contract gives
	// (MutexGuard): Lock returns a guard on the caller's stack, whose
	// Unlock is idempotent, and which releases with a CAS that fails while
	// a goroutine waits, as a lock whose waiters park must. What shared
	// adds to it is its own code, not the contract's.
	b.Run("case=uncontended/impl=floor-guard", func(b *testing.B) {
		l := newFloorOwned()
		for b.Loop() {
			g := l.lockGuard()
			*g.get()++
			g.unlock()
		}
	})
	b.Run("case=deferred/impl=floor", func(b *testing.B) {
		var l floorLock
		n := 0
		for b.Loop() {
			func() {
				l.Lock()
				defer l.Unlock()
				n++
			}()
		}
	})
	for _, p := range []int{1, 2} { // GOMAXPROCS goroutines times p
		name := fmt.Sprintf("case=contended-%dg", p*runtime.GOMAXPROCS(0))
		b.Run(name+"/impl=shared", func(b *testing.B) {
			m := NewMutex(0)
			b.SetParallelism(p)
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					g, _ := m.Lock()
					*g.Get()++
					g.Unlock()
				}
			})
		})
		b.Run(name+"/impl=sync", func(b *testing.B) {
			var mu sync.Mutex
			n := 0
			b.SetParallelism(p)
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					mu.Lock()
					n++
					mu.Unlock()
				}
			})
		})
	}
	// case=work-outside: each goroutine works a while outside the lock, so
	// a waiter finds it held only now and then and only for a moment,
	// which is what a contended lock's short spin before parking is for.
	b.Run("case=work-outside/impl=shared", func(b *testing.B) {
		m := NewMutex(0)
		b.RunParallel(func(pb *testing.PB) {
			s := 0
			for pb.Next() {
				g, _ := m.Lock()
				*g.Get()++
				g.Unlock()
				s += outsideWork()
			}
			outsideSink.Add(int64(s))
		})
	})
	b.Run("case=work-outside/impl=sync", func(b *testing.B) {
		var mu sync.Mutex
		n := 0
		b.RunParallel(func(pb *testing.PB) {
			s := 0
			for pb.Next() {
				mu.Lock()
				n++
				mu.Unlock()
				s += outsideWork()
			}
			outsideSink.Add(int64(s))
		})
	})
}

// outsideWork is a few hundred nanoseconds of work that touches nothing
// shared, for BenchmarkMutex's case=work-outside.
func outsideWork() int {
	s := 0
	for i := range 200 {
		s += i * i
	}
	return s
}

var outsideSink atomic.Int64

// BenchmarkRwLock reads 63 times for each write, from all procs at once.
func BenchmarkRwLock(b *testing.B) {
	b.Run("case=read-heavy/impl=shared", func(b *testing.B) {
		l := NewRwLock([4]int{})
		b.RunParallel(func(pb *testing.PB) {
			i := 0
			for pb.Next() {
				if i++; i%64 == 0 {
					g, _ := l.Write()
					g.Get()[0]++
					g.Unlock()
				} else {
					g, _ := l.Read()
					_ = g.Get()[0]
					g.Unlock()
				}
			}
		})
	})
	b.Run("case=read-heavy/impl=sync", func(b *testing.B) {
		var mu sync.RWMutex
		var v [4]int
		b.RunParallel(func(pb *testing.PB) {
			i := 0
			for pb.Next() {
				if i++; i%64 == 0 {
					mu.Lock()
					v[0]++
					mu.Unlock()
				} else {
					mu.RLock()
					_ = v[0]
					mu.RUnlock()
				}
			}
		})
	})
	b.Run("case=read-uncontended/impl=shared", func(b *testing.B) {
		l := NewRwLock(0)
		for b.Loop() {
			g, _ := l.Read()
			_ = *g.Get()
			g.Unlock()
		}
	})
	b.Run("case=read-uncontended/impl=sync", func(b *testing.B) {
		var mu sync.RWMutex
		v := 0
		for b.Loop() {
			mu.RLock()
			_ = v
			mu.RUnlock()
		}
	})
}

// wgBarrier is a reusable barrier made of WaitGroups: each generation has
// its own, which the last goroutine to arrive replaces.
type wgBarrier struct {
	mu      sync.Mutex
	n       int
	arrived int
	gen     *sync.WaitGroup
}

func newWGBarrier(n int) *wgBarrier {
	b := &wgBarrier{n: n, gen: new(sync.WaitGroup)}
	b.gen.Add(n)
	return b
}

func (b *wgBarrier) Wait() {
	b.mu.Lock()
	gen := b.gen
	if b.arrived++; b.arrived == b.n {
		b.arrived = 0
		b.gen = new(sync.WaitGroup)
		b.gen.Add(b.n)
	}
	b.mu.Unlock()
	gen.Done()
	gen.Wait()
}

// BenchmarkBarrier has 4 goroutines pass a barrier b.N times.
func BenchmarkBarrier(b *testing.B) {
	const n = 4
	run := func(b *testing.B, wait func()) {
		var wg sync.WaitGroup
		rounds := b.N
		for range n {
			wg.Go(func() {
				for range rounds {
					wait()
				}
			})
		}
		wg.Wait()
	}
	b.Run("goroutines=4/impl=shared", func(b *testing.B) {
		bar := NewBarrier(n)
		run(b, func() { bar.Wait() })
	})
	b.Run("goroutines=4/impl=waitgroup", func(b *testing.B) {
		bar := newWGBarrier(n)
		run(b, bar.Wait)
	})
}

// BenchmarkDetection is a lock/unlock pair, and two nested pairs, with
// deadlock detection off and on.
func BenchmarkDetection(b *testing.B) {
	for _, on := range []bool{false, true} {
		name := "detect=off"
		if on {
			name = "detect=on"
		}
		b.Run("case=single/"+name, func(b *testing.B) {
			if on {
				defer DetectDeadlocks(func(*DeadlockReport) {})()
			}
			m := NewMutex(0)
			for b.Loop() {
				g, _ := m.Lock()
				*g.Get()++
				g.Unlock()
			}
		})
		b.Run("case=nested/"+name, func(b *testing.B) {
			if on {
				defer DetectDeadlocks(func(*DeadlockReport) {})()
			}
			m1, m2 := NewMutex(0), NewMutex(0)
			for b.Loop() {
				g1, _ := m1.Lock()
				g2, _ := m2.Lock()
				*g2.Get()++
				g2.Unlock()
				g1.Unlock()
			}
		})
		b.Run("case=parallel/"+name, func(b *testing.B) {
			if on {
				defer DetectDeadlocks(func(*DeadlockReport) {})()
			}
			b.RunParallel(func(pb *testing.PB) {
				m := NewMutex(0) // one each: what scales is detection itself
				for pb.Next() {
					g, _ := m.Lock()
					*g.Get()++
					g.Unlock()
				}
			})
		})
	}
}

func BenchmarkAtomic(b *testing.B) {
	b.Run("op=load/impl=shared", func(b *testing.B) {
		var a AtomicInt64
		var s int64
		for b.Loop() {
			s += a.Load(Acquire)
		}
		_ = s
	})
	b.Run("op=load/impl=sync", func(b *testing.B) {
		var a atomic.Int64
		var s int64
		for b.Loop() {
			s += a.Load()
		}
		_ = s
	})
	b.Run("op=add/impl=shared", func(b *testing.B) {
		var a AtomicInt64
		for b.Loop() {
			a.Add(1, Relaxed)
		}
	})
	b.Run("op=add/impl=sync", func(b *testing.B) {
		var a atomic.Int64
		for b.Loop() {
			a.Add(1)
		}
	})
}

// floorLock is the cheapest lock with poisoning on a deferred Unlock; see
// BenchmarkMutex.
type floorLock struct{ state atomic.Int32 }

func (l *floorLock) Lock() {
	for !l.state.CompareAndSwap(0, 1) {
		runtime.Gosched()
	}
}

func (l *floorLock) Unlock() {
	if r := recover(); r != nil {
		l.state.Store(2) // poisoned and unlocked
		panic(r)
	}
	l.state.Store(0)
}

// floorOwned is floorLock owning an int, as Mutex[int] does.
type floorOwned struct {
	floorLock
	data int
}

// floorOwnedSink keeps newFloorOwned's lock on the heap, where NewMutex's is.
var floorOwnedSink *floorOwned

func newFloorOwned() *floorOwned {
	l := new(floorOwned)
	floorOwnedSink = l
	return l
}

// floorGuard is the guard of a floorOwned: see impl=floor-guard.
type floorGuard struct{ l *floorOwned }

// lockGuard takes l; it inlines, so the guard stays on the caller's stack.
func (l *floorOwned) lockGuard() *floorGuard {
	if !l.state.CompareAndSwap(0, 1) {
		l.lockSlow()
	}
	return &floorGuard{l: l}
}

// lockSlow waits for l. A call of its own keeps lockGuard small enough to
// inline, as Mutex.Lock's slow path does for Lock.
//
//go:noinline
func (l *floorOwned) lockSlow() { l.Lock() }

func (g *floorGuard) get() *int {
	if g.l == nil {
		panic("floorGuard: get after unlock")
	}
	return &g.l.data
}

func (g *floorGuard) unlock() {
	l := g.l
	if r := recover(); r != nil {
		if l != nil {
			l.state.Store(2) // poisoned and unlocked
		}
		panic(r)
	}
	if l == nil {
		return
	}
	if !l.state.CompareAndSwap(1, 0) {
		panic("floorGuard: a waiter to wake") // floorLock's waiters never park
	}
	g.l = nil
}
