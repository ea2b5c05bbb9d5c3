package lockorder

import (
	"sync"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// 1. One order everywhere.
type okOrder struct{ a, b sync.Mutex }

func (o *okOrder) one() { o.a.Lock(); o.b.Lock(); o.b.Unlock(); o.a.Unlock() }
func (o *okOrder) two() { o.a.Lock(); defer o.a.Unlock(); o.b.Lock(); defer o.b.Unlock() }

// 2. A sync TryLock does not wait.
type okTry struct{ a, b sync.Mutex }

func (o *okTry) ab() { o.a.Lock(); o.b.Lock(); o.b.Unlock(); o.a.Unlock() }
func (o *okTry) ba() {
	o.b.Lock()
	defer o.b.Unlock()
	if o.a.TryLock() {
		o.a.Unlock()
	}
}

// 3. A fearless TryLock does not wait either.
var okT1, okT2 = shared.NewMutex(0), shared.NewMutex(0)

func okTry12() {
	g, _ := okT1.Lock()
	h, _ := okT2.Lock()
	h.Unlock()
	g.Unlock()
}

func okTry21() {
	h, _ := okT2.Lock()
	defer h.Unlock()
	if g, err := okT1.TryLock(); err == nil {
		g.Unlock()
	}
}

// 4. A goroutine started under a lock does not hold it.
type okGo struct{ a, b sync.Mutex }

func (o *okGo) spawn() {
	o.a.Lock()
	go func() {
		o.b.Lock()
		o.b.Unlock()
	}()
	o.a.Unlock()
}
func (o *okGo) ba() { o.b.Lock(); o.a.Lock(); o.a.Unlock(); o.b.Unlock() }

// 5. Released before the other is taken.
type okSeq struct{ a, b sync.Mutex }

func (o *okSeq) ab() { o.a.Lock(); o.a.Unlock(); o.b.Lock(); o.b.Unlock() }
func (o *okSeq) ba() { o.b.Lock(); o.a.Lock(); o.a.Unlock(); o.b.Unlock() }

// 6. Elements of one slice: one class, no order between them.
func okForks(forks []sync.Mutex, i, j int) {
	forks[i].Lock()
	forks[j].Lock()
	forks[j].Unlock()
	forks[i].Unlock()
}

// 7. Two values of one type.
type account struct {
	mu      sync.Mutex
	balance int
}

func okTransfer(from, to *account, n int) {
	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= n
	to.balance += n
}

// 8. With, one after the other.
var okW1, okW2 = shared.NewMutex(0), shared.NewMutex(0)

func okWith12() { okW1.With(func(v *int) { *v++ }); okW2.With(func(v *int) { *v++ }) }
func okWith21() { okW2.With(func(v *int) { *v++ }); okW1.With(func(v *int) { *v++ }) }

// 9. A helper that unlocks before the other lock.
type okHelp struct{ a, b sync.Mutex }

func (o *okHelp) lockA()   { o.a.Lock() }
func (o *okHelp) unlockA() { o.a.Unlock() }
func (o *okHelp) ab() {
	o.lockA()
	o.unlockA()
	o.b.Lock()
	o.b.Unlock()
}
func (o *okHelp) ba() { o.b.Lock(); o.lockA(); o.unlockA(); o.b.Unlock() }

// 10. Held on one branch, released there.
type okBranch struct{ a, b sync.Mutex }

func (o *okBranch) maybe(x bool) {
	if x {
		o.a.Lock()
		o.a.Unlock()
	}
	o.b.Lock()
	o.b.Unlock()
}
func (o *okBranch) ba() { o.b.Lock(); o.a.Lock(); o.a.Unlock(); o.b.Unlock() }

// 11. thread.Go under a lock: the thread does not hold it.
var okS1, okS2 = shared.NewMutex(0), shared.NewMutex(0)

func okSpawn() {
	g, _ := okS1.Lock()
	h := thread.Go(func() {
		x, _ := okS2.Lock()
		x.Unlock()
	})
	g.Unlock()
	h.Join()
}

func okSpawn21() {
	x, _ := okS2.Lock()
	g, _ := okS1.Lock()
	g.Unlock()
	x.Unlock()
}

// 12. A Condvar wait takes no other lock.
func okCondvar(m *shared.Mutex[bool], c *shared.Condvar[bool]) {
	g, _ := m.Lock()
	defer g.Unlock()
	for !*g.Get() {
		c.Wait(g)
	}
}

// 13. Load with nothing held.
func okLoads() int {
	a, _ := okW1.Load()
	b, _ := okW2.Load()
	return a + b
}

// 14. Each function takes one lock at a time.
var okOne, okTwo sync.Mutex

func okOnlyOne()      { okOne.Lock(); okOne.Unlock() }
func okOnlyTwo()      { okTwo.Lock(); defer okTwo.Unlock(); okOnlyOneLater() }
func okOnlyOneLater() {}

// 15. A guard handed to a helper that unlocks it before the other lock.
var okH1, okH2 = shared.NewMutex(0), shared.NewMutex(0)

func okRelease(g *shared.MutexGuard[int]) { g.Unlock() }

func okHanded() {
	g, _ := okH1.Lock()
	okRelease(g)
	h, _ := okH2.Lock()
	h.Unlock()
}

func okHanded21() {
	h, _ := okH2.Lock()
	g, _ := okH1.Lock()
	g.Unlock()
	h.Unlock()
}

// 16. A read lock and a write lock of one RWMutex are one lock.
type okRW struct{ mu sync.RWMutex }

func (o *okRW) both() {
	o.mu.RLock()
	o.mu.RUnlock()
	o.mu.Lock()
	o.mu.Unlock()
}
