package shared_test

import (
	"errors"
	"fmt"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// The seeds' first Mutex: the value is reached only through the guard.
func ExampleMutex() {
	m := shared.NewMutex(5)
	g, _ := m.Lock()
	*g.Get() = 6
	g.Unlock()
	fmt.Println("m =", m)
	// Output: m = Mutex { data: 6 }
}

// Ten threads share one counter through an Arc.
func ExampleArc() {
	counter := shared.NewArc(shared.NewMutex(0), nil)
	var handles []*thread.JoinHandle[struct{}]
	for range 10 {
		c := counter.Clone()
		handles = append(handles, thread.Go(func() {
			defer c.Drop()
			g, _ := c.Value().Lock()
			defer g.Unlock()
			*g.Get()++
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	n, _ := counter.Value().Load()
	fmt.Println("Result:", n)
	// Output: Result: 10
}

// A panic while the lock is held poisons it; the next Lock still hands out
// the guard, with ErrPoisoned.
func ExampleMutex_With() {
	m := shared.NewMutex([]int{1, 2})
	func() {
		defer func() { recover() }()
		m.With(func(v *[]int) {
			*v = append(*v, 3)
			panic("half-way through an update")
		})
	}()
	g, err := m.Lock()
	fmt.Println(errors.Is(err, shared.ErrPoisoned), *g.Get())
	g.Unlock()
	m.ClearPoison()
	fmt.Println(m)
	// Output:
	// true [1 2 3]
	// Mutex { data: [1, 2, 3] }
}

func ExampleRwLock() {
	l := shared.NewRwLock([]int{1, 2, 3})
	r1, _ := l.Read()
	r2, _ := l.Read() // readers share the lock
	fmt.Println(len(*r1.Get()), len(*r2.Get()))
	r1.Unlock()
	r2.Unlock()
	w, _ := l.Write()
	*w.Get() = append(*w.Get(), 4)
	w.Unlock()
	fmt.Println(l)
	// Output:
	// 3 3
	// RwLock { data: [1, 2, 3, 4] }
}

func ExampleCondvar() {
	started := shared.NewMutex(false)
	cv := shared.NewCondvar[bool]()
	h := thread.Go(func() {
		g, _ := started.Lock()
		*g.Get() = true
		cv.NotifyOne()
		g.Unlock()
	})
	g, _ := started.Lock()
	cv.WaitWhile(g, func(started *bool) bool { return !*started })
	fmt.Println("started:", *g.Get())
	g.Unlock()
	h.Join()
	// Output: started: true
}

func ExampleBarrier() {
	const n = 3
	b := shared.NewBarrier(n)
	leaders := make(chan bool, n)
	for range n {
		thread.Go(func() { leaders <- b.Wait().IsLeader() })
	}
	count := 0
	for range n {
		if <-leaders {
			count++
		}
	}
	fmt.Println("leaders:", count)
	// Output: leaders: 1
}

func ExampleAtomicInt64() {
	var hits shared.AtomicInt64
	var handles []*thread.JoinHandle[struct{}]
	for range 4 {
		handles = append(handles, thread.Go(func() {
			for range 100 {
				hits.Add(1, shared.Relaxed)
			}
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	fmt.Println(hits.Load(shared.Acquire))
	// Output: 400
}

// The seeds' deadlock: two threads take two locks in opposite orders. Here
// they run one after the other, so nothing blocks, and detection reports
// the cycle all the same.
func ExampleDetectDeadlocks() {
	stop := shared.DetectDeadlocks(func(r *shared.DeadlockReport) {
		fmt.Printf("cycle of %d locks\n", len(r.Cycle))
	})
	defer stop()
	a, b := shared.NewMutex(0), shared.NewMutex(0)
	lockBoth := func(first, second *shared.Mutex[int]) {
		thread.Go(func() {
			g1, _ := first.Lock()
			g2, _ := second.Lock()
			g2.Unlock()
			g1.Unlock()
		}).Join()
	}
	lockBoth(a, b)
	lockBoth(b, a)
	// Output: cycle of 2 locks
}
