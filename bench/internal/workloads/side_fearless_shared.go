package workloads

import (
	"runtime"
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// fearless shared: Mutex and RwLock that own their data (a guard per
// lock, as Rust's lock().unwrap()), and Barrier.
func init() {
	harness.Default.Register(harness.SideFearless, map[string]harness.Impl{
		"mutex/uncontended":      fMutexUncontended,
		"mutex/contended":        fMutexContended(T),
		"rwlock/read":            fRWRead,
		"rwlock/read-contended":  fRWReadContended,
		"rwlock/mixed-contended": fRWMixed,
		"barrier/generations":    fBarrier,
	})
}

// fAll runs body on T threads in a scope and returns the first error.
func fAll(body func() error) error { return fEach(T, body) }

// fEach runs body on k threads in a scope and returns the first error.
func fEach(k int, body func() error) error {
	var first atomic.Pointer[error]
	thread.Scope(func(s *thread.ScopeHandle) struct{} {
		for range k {
			s.Go(func() {
				if err := body(); err != nil {
					first.CompareAndSwap(nil, &err)
				}
			})
		}
		return struct{}{}
	})
	if e := first.Load(); e != nil {
		return *e
	}
	return nil
}

func fMutexUncontended(n int) func() error {
	return func() error {
		m := shared.NewMutex(0)
		for range n {
			g, err := m.Lock()
			if err != nil {
				return err
			}
			*g.Get()++
			g.Unlock()
		}
		x, err := m.Load()
		if err != nil {
			return err
		}
		return checkCount(x, n)
	}
}

// fMutexContended: lockers threads lock, increment, unlock.
//
// It is called from init, and an inlined copy there compiles its closures
// as part of init, where the guard Lock returns escaped to the heap: one
// allocation per lock, 5 to 10 times Go's time. Kept out of line, the
// guard stays on the stack as the contract says.
//
//go:noinline
func fMutexContended(lockers int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			m := shared.NewMutex(0)
			per := n / lockers
			err := fEach(lockers, func() error {
				for range per {
					g, err := m.Lock()
					if err != nil {
						return err
					}
					*g.Get()++
					g.Unlock()
				}
				return nil
			})
			if err != nil {
				return err
			}
			x, err := m.Load()
			if err != nil {
				return err
			}
			return checkCount(x, per*lockers)
		}
	}
}

func fRWRead(n int) func() error {
	return func() error {
		l := shared.NewRwLock(1)
		sum := 0
		for range n {
			g, err := l.Read()
			if err != nil {
				return err
			}
			sum += *g.Get()
			g.Unlock()
		}
		return checkCount(sum, n)
	}
}

func fRWReadContended(n int) func() error {
	return func() error {
		l := shared.NewRwLock(1)
		per := n / T
		var total atomic.Int64
		err := fAll(func() error {
			sum := 0
			for range per {
				g, err := l.Read()
				if err != nil {
					return err
				}
				sum += *g.Get()
				g.Unlock()
			}
			total.Add(int64(sum))
			return nil
		})
		if err != nil {
			return err
		}
		return checkCount(int(total.Load()), per*T)
	}
}

func fRWMixed(n int) func() error {
	return func() error {
		l := shared.NewRwLock(0)
		per := n / T
		err := fAll(func() error {
			seen := 0
			for i := range per {
				if i%10 == 0 {
					g, err := l.Write()
					if err != nil {
						return err
					}
					*g.Get()++
					g.Unlock()
				} else {
					g, err := l.Read()
					if err != nil {
						return err
					}
					seen += *g.Get()
					g.Unlock()
				}
			}
			runtime.KeepAlive(seen)
			return nil
		})
		if err != nil {
			return err
		}
		g, err := l.Read()
		if err != nil {
			return err
		}
		defer g.Unlock()
		return checkCount(*g.Get(), wantWrites(per))
	}
}

func fBarrier(n int) func() error {
	return func() error {
		b := shared.NewBarrier(T)
		var leaders atomic.Int64
		err := fAll(func() error {
			for range n {
				if b.Wait().IsLeader() {
					leaders.Add(1)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		return checkLeaders(int(leaders.Load()), n)
	}
}
