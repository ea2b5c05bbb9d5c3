package shared

import (
	"errors"
	"fmt"
	"runtime"
	"testing"
)

// FuzzMutex drives one goroutine's random sequence of Mutex operations
// against a model: the value, whether the goroutine's guard is held, and
// whether the lock is poisoned.
func FuzzMutex(f *testing.F) {
	f.Add([]byte{0, 2, 1, 3, 4, 5, 6, 7, 8, 0, 5, 1})
	f.Add([]byte{6, 6, 0, 0, 1, 1, 7, 8, 3})
	f.Add([]byte{2, 5, 2, 8, 4, 6, 4, 1})
	f.Fuzz(func(t *testing.T, ops []byte) {
		m := NewMutex(0)
		var g *MutexGuard[int]
		value, poisoned := 0, false
		wantErr := func(err error) {
			t.Helper()
			if want := poisonErr(poisoned); !errors.Is(err, want) || (want == nil) != (err == nil) {
				t.Fatalf("err = %v, want %v", err, want)
			}
		}
		for i, op := range ops {
			arg := i + 1
			switch op % 9 {
			case 0: // Lock, unless held: that would block forever
				if g == nil {
					var err error
					g, err = m.Lock()
					wantErr(err)
				}
			case 1: // Unlock, twice (idempotent)
				if g != nil {
					g.Unlock()
					g.Unlock()
					g = nil
				}
			case 2: // TryLock
				h, err := m.TryLock()
				if g != nil {
					if !errors.Is(err, ErrWouldBlock) || h != nil {
						t.Fatalf("TryLock while held = %v, %v", h, err)
					}
				} else {
					wantErr(err)
					g = h
				}
			case 3: // write through the guard
				if g != nil {
					*g.Get() = arg
					value = arg
				}
			case 4: // Set / Load / Replace when not held
				if g == nil {
					err := m.Set(arg)
					wantErr(err)
					if !poisoned {
						value = arg
					}
					v, err := m.Load()
					wantErr(err)
					if v != value {
						t.Fatalf("Load = %d, want %d", v, value)
					}
					old, err := m.Replace(-arg)
					wantErr(err)
					if poisoned && old != -arg || !poisoned && old != value {
						t.Fatalf("Replace = %d (value %d)", old, value)
					}
					if !poisoned {
						value = -arg
					}
				}
			case 5: // With that panics: poisons
				if g == nil {
					r := catch(func() { m.With(func(v *int) { *v = arg; panic(arg) }) })
					if r != arg {
						t.Fatalf("With's panic came out as %v", r)
					}
					value, poisoned = arg, true
				}
			case 6: // ClearPoison
				m.ClearPoison()
				poisoned = false
			case 7: // a panic under a deferred Unlock of the held guard
				if g != nil {
					h := g
					g = nil
					catch(func() {
						defer h.Unlock()
						panic("poison")
					})
					poisoned = true
				}
			case 8: // String and IsPoisoned
				want := lockString("Mutex", fmt.Sprint(value), poisoned)
				if g != nil {
					want = lockString("Mutex", "<locked>", poisoned)
				}
				if s := m.String(); s != want {
					t.Fatalf("String = %q, want %q", s, want)
				}
				if m.IsPoisoned() != poisoned {
					t.Fatalf("IsPoisoned = %v", !poisoned)
				}
			}
		}
		if g != nil {
			g.Unlock()
		}
		if v, _ := m.Load(); v != value {
			t.Fatalf("final value %d, want %d", v, value)
		}
	})
}

// FuzzRwLock drives one goroutine holding any number of read guards and
// at most one write guard (never both, which would deadlock) against a
// model.
func FuzzRwLock(f *testing.F) {
	f.Add([]byte{0, 0, 2, 1, 1, 3, 4, 5, 6, 7, 3})
	f.Add([]byte{3, 2, 0, 6, 4, 5, 1, 7})
	f.Fuzz(func(t *testing.T, ops []byte) {
		l := NewRwLock(0)
		var readers []*ReadGuard[int]
		var w *WriteGuard[int]
		value, poisoned := 0, false
		for i, op := range ops {
			switch op % 8 {
			case 0: // Read, only without a writer: a second Read with a writer waiting would deadlock, but none waits here
				if w == nil {
					g, err := l.Read()
					if (err != nil) != poisoned {
						t.Fatalf("Read = %v, poisoned %v", err, poisoned)
					}
					readers = append(readers, g)
				}
			case 1: // release a reader
				if len(readers) > 0 {
					readers[0].Unlock()
					readers[0].Unlock()
					readers = readers[1:]
				}
			case 2: // TryWrite
				g, err := l.TryWrite()
				if w != nil || len(readers) > 0 {
					if !errors.Is(err, ErrWouldBlock) || g != nil {
						t.Fatalf("TryWrite with holders = %v, %v", g, err)
					}
				} else {
					if (err != nil) != poisoned {
						t.Fatalf("TryWrite = %v", err)
					}
					w = g
				}
			case 3: // TryRead
				g, err := l.TryRead()
				if w != nil {
					if !errors.Is(err, ErrWouldBlock) {
						t.Fatalf("TryRead under a writer = %v", err)
					}
				} else {
					if (err != nil) != poisoned || *g.Get() != value {
						t.Fatalf("TryRead = %v, %d", err, *g.Get())
					}
					readers = append(readers, g)
				}
			case 4: // write, then release the writer
				if w != nil {
					*w.Get() = i
					value = i
					w.Unlock()
					w = nil
				}
			case 5: // a writer that panics
				if w != nil {
					h := w
					w = nil
					catch(func() {
						defer h.Unlock()
						panic("poison")
					})
					poisoned = true
				}
			case 6: // a reader that panics: no poison
				if len(readers) > 0 {
					h := readers[0]
					readers = readers[1:]
					catch(func() {
						defer h.Unlock()
						panic("no poison")
					})
				}
			case 7:
				l.ClearPoison()
				poisoned = false
			}
			if l.IsPoisoned() != poisoned {
				t.Fatalf("after op %d: IsPoisoned = %v", op%8, !poisoned)
			}
		}
		for _, r := range readers {
			r.Unlock()
		}
		if w != nil {
			w.Unlock()
		}
		if g, err := l.TryWrite(); errors.Is(err, ErrWouldBlock) {
			t.Fatal("the lock is still held after every guard was released")
		} else if *g.Get() != value {
			t.Fatalf("value %d, want %d", *g.Get(), value)
		} else {
			g.Unlock()
		}
	})
}

// FuzzAtomicInt64 checks every operation against a plain int64.
func FuzzAtomicInt64(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 3, 3})
	f.Fuzz(func(t *testing.T, ops []byte) {
		var a AtomicInt64
		var model int64
		for i, op := range ops {
			arg := int64(i%5) - 2
			switch op % 5 {
			case 0:
				a.Store(arg, Release)
				model = arg
			case 1:
				if got := a.Add(arg, AcqRel); got != model+arg {
					t.Fatalf("Add = %d, want %d", got, model+arg)
				}
				model += arg
			case 2:
				if got := a.Swap(arg, SeqCst); got != model {
					t.Fatalf("Swap = %d, want %d", got, model)
				}
				model = arg
			case 3:
				seen, ok := a.CompareExchange(arg, arg*3, AcqRel, Acquire)
				if seen != model || ok != (model == arg) {
					t.Fatalf("CompareExchange(%d) = %d, %v; model %d", arg, seen, ok, model)
				}
				if ok {
					model = arg * 3
				}
			case 4:
				if got := a.Load(Acquire); got != model {
					t.Fatalf("Load = %d, want %d", got, model)
				}
			}
		}
	})
}

// FuzzLockOrder takes random pairs and chains of locks, one thread after
// another, and checks the reports against a model of the lock-order
// graph: an edge u->v is reported exactly when it is new and v already
// reaches u (or u == v), with a cycle as long as the shortest such path.
func FuzzLockOrder(f *testing.F) {
	f.Add([]byte{0x01, 0x10})                   // a->b, b->a
	f.Add([]byte{0x01, 0x12, 0x20})             // a cycle of 3
	f.Add([]byte{0x01, 0x02, 0x12, 0x20, 0x33}) // two cycles closed by one edge, and a self edge
	f.Add([]byte{0x01, 0x12, 0x23, 0x34, 0x40, 0x10})
	f.Fuzz(func(t *testing.T, ops []byte) {
		const n = 5
		reports := detect(t)
		locks := make([]*Mutex[int], n)
		for i := range locks {
			locks[i] = NewMutex(0)
		}
		edges := map[[2]int]bool{}
		var want []int // cycle lengths
		for _, op := range ops {
			u, v := int(op>>4)%n, int(op&15)%n
			if !edges[[2]int{u, v}] {
				edges[[2]int{u, v}] = true
				if u == v {
					want = append(want, 1)
				} else if d := distance(edges, v, u, n); d > 0 {
					want = append(want, d+1)
				}
			}
			if u == v {
				// A second Lock by the same goroutine would wait for good.
				// Detection reports it before it waits; then another
				// goroutine unlocks the first guard and lets it through.
				g, _ := locks[u].Lock()
				released := make(chan struct{})
				go func() {
					for len(reports()) < len(want) {
						runtime.Gosched()
					}
					g.Unlock()
					close(released)
				}()
				g2, _ := locks[u].Lock()
				<-released
				g2.Unlock()
				continue
			}
			lockBoth(locks[u], locks[v])
		}
		rs := reports()
		if len(rs) != len(want) {
			t.Fatalf("%d reports, want %d (%v)", len(rs), len(want), want)
		}
		for i, r := range rs {
			if len(r.Cycle) != want[i] {
				t.Fatalf("report %d has a cycle of %d, want %d:\n%s", i, len(r.Cycle), want[i], r)
			}
			for j, e := range r.Cycle {
				if next := r.Cycle[(j+1)%len(r.Cycle)]; e.Taken != next.Held {
					t.Fatalf("report %d is not a cycle:\n%s", i, r)
				}
			}
		}
	})
}

// distance returns the length of a shortest path from a to b, or 0.
func distance(edges map[[2]int]bool, a, b, n int) int {
	dist := map[int]int{a: 0}
	queue := []int{a}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for y := range n {
			if _, seen := dist[y]; !seen && edges[[2]int{x, y}] {
				dist[y] = dist[x] + 1
				if y == b {
					return dist[y]
				}
				queue = append(queue, y)
			}
		}
	}
	return 0
}
