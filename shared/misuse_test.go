package shared

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Each misuse panics at once with a message naming the package, the call
// and the fix; the zero values documented as usable are.
func TestMisusePanicsAtOnce(t *testing.T) {
	locked := func(m *Mutex[int]) *MutexGuard[int] { g, _ := m.Lock(); return g }
	for _, c := range []struct {
		name string
		f    func()
		want string // "" when the call is fine
	}{
		{"Mutex.With(nil)", func() { NewMutex(0).With(nil) }, "shared: Mutex.With: f is nil; pass the function"},
		{"Condvar.WaitWhile(g, nil)", func() {
			g := locked(NewMutex(0))
			defer g.Unlock()
			NewCondvar[int]().WaitWhile(g, nil)
		}, "shared: Condvar.WaitWhile: cond is nil; pass the condition"},
		{"Condvar.WaitTimeoutWhile(g, d, nil)", func() {
			g := locked(NewMutex(0))
			defer g.Unlock()
			NewCondvar[int]().WaitTimeoutWhile(g, time.Millisecond, nil)
		}, "shared: Condvar.WaitTimeoutWhile: cond is nil"},
		{"Condvar with a second Mutex", func() {
			c := NewCondvar[int]()
			for _, m := range []*Mutex[int]{NewMutex(0), NewMutex(0)} {
				func() {
					g := locked(m)
					defer g.Unlock()
					c.WaitTimeout(g, 0)
				}()
			}
		}, "shared: Condvar.WaitTimeout: this Condvar waited with another Mutex before; use each Condvar with one Mutex only"},
		{"Condvar again with its Mutex", func() {
			c, m := NewCondvar[int](), NewMutex(0)
			for range 2 {
				g := locked(m)
				c.WaitTimeout(g, 0)
				g.Unlock()
			}
		}, ""},
		{"zero Arc.Get", func() { new(Arc[int]).Get() }, "shared: Arc.Get on a nil or zero Arc; make one with NewArc"},
		{"zero Arc.Clone", func() { new(Arc[int]).Clone() }, "shared: Arc.Clone on a nil or zero Arc"},
		{"zero Arc.Drop", func() { new(Arc[int]).Drop() }, "shared: Arc.Drop on a nil or zero Arc"},
		{"zero Arc.StrongCount", func() { new(Arc[int]).StrongCount() }, "shared: Arc.StrongCount on a nil or zero Arc"},
		{"nil Arc.Value", func() { (*Arc[int])(nil).Value() }, "shared: Arc.Value on a nil or zero Arc"},
		{"dropped Arc.Get", func() { a := NewArc(1, nil); a.Drop(); a.Get() }, "shared: Arc.Get on a dropped handle; Clone the Arc"},
		{"NewBarrier(-1)", func() { NewBarrier(-1) }, "shared: NewBarrier: n is -1, below 0; pass the number of goroutines"},
		{"a load with Release", func() { new(AtomicInt64).Load(Release) }, "shared: AtomicInt64.Load with ordering Release: not allowed for a load; use Relaxed, Acquire, SeqCst"},
		{"zero MutexGuard.Get", func() { new(MutexGuard[int]).Get() }, "shared: MutexGuard.Get after Unlock; keep the guard locked"},
		// Usable zero values.
		{"zero Mutex", func() { var m Mutex[int]; locked(&m).Unlock(); _ = m.String() }, ""},
		{"zero RwLock", func() {
			var l RwLock[int]
			w, _ := l.Write()
			w.Unlock()
			r, _ := l.Read()
			r.Unlock()
		}, ""},
		{"zero Condvar", func() {
			var c Condvar[int]
			c.NotifyOne()
			c.NotifyAll()
			g := locked(NewMutex(0))
			defer g.Unlock()
			c.WaitTimeout(g, 0)
		}, ""},
		{"zero Barrier", func() { var b Barrier; b.Wait() }, ""},
		{"zero atomics", func() {
			var i AtomicInt64
			var u AtomicUint64
			var b AtomicBool
			var p AtomicPointer[int]
			i.Add(1, SeqCst)
			u.Add(1, SeqCst)
			b.Store(true, SeqCst)
			p.Load(SeqCst)
		}, ""},
		{"zero guards' Unlock", func() { new(MutexGuard[int]).Unlock(); new(ReadGuard[int]).Unlock(); new(WriteGuard[int]).Unlock() }, ""},
		{"zero DeadlockReport", func() { _ = new(DeadlockReport).String() }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got string
			if r := catch(c.f); r != nil {
				got = fmt.Sprint(r)
			}
			if c.want == "" {
				if got != "" {
					t.Fatalf("panicked with %q; want no panic", got)
				}
				return
			}
			if !strings.HasPrefix(got, c.want) {
				t.Fatalf("panicked with %q; want a message starting %q", got, c.want)
			}
		})
	}
}
