package shared

import (
	"errors"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
)

// Contended increments: none is lost, whichever path (spin, park, hand
// off) each Lock takes.
func TestStressMutexCounter(t *testing.T) {
	leak.Check(t)
	const threads, incs = 8, 5000
	m := NewMutex(0)
	var hs []*thread.JoinHandle[struct{}]
	for range threads {
		hs = append(hs, thread.Go(func() {
			for i := range incs {
				if i%7 == 0 {
					m.With(func(v *int) { *v++ })
					continue
				}
				g, _ := m.Lock()
				*g.Get()++
				g.Unlock()
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	if v, _ := m.Load(); v != threads*incs {
		t.Fatalf("count = %d, want %d", v, threads*incs)
	}
}

// Many threads lock a shared mutex and some of them panic while holding
// it: every panic is counted, every increment before it too, and the lock
// ends poisoned with nobody stuck.
func TestStressPoisoningFromManyThreads(t *testing.T) {
	leak.Check(t)
	quietPanics(t)
	const threads, rounds = 8, 200
	m := NewMutex(0)
	var hs []*thread.JoinHandle[int]
	for i := range threads {
		hs = append(hs, thread.Spawn(func() int {
			poisonedSeen := 0
			for r := range rounds {
				catch(func() {
					g, err := m.Lock()
					if errors.Is(err, ErrPoisoned) {
						poisonedSeen++
					}
					defer g.Unlock()
					*g.Get()++
					if (i+r)%10 == 0 {
						panic("poison")
					}
				})
			}
			return poisonedSeen
		}))
	}
	for _, h := range hs {
		if _, err := h.Join(); err != nil {
			t.Fatal(err)
		}
	}
	v, err := m.Load()
	if v != threads*rounds || !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Load = %d, %v; want %d, ErrPoisoned", v, err, threads*rounds)
	}
}

// RwLock under readers, writers and try operations at once: the writers'
// increments all land, readers never see a write in progress.
func TestStressRwLockMixed(t *testing.T) {
	leak.Check(t)
	const writers, readers, rounds = 3, 5, 1000
	type state struct{ n, check int }
	l := NewRwLock(state{})
	var hs []*thread.JoinHandle[struct{}]
	for range writers {
		hs = append(hs, thread.Go(func() {
			for r := range rounds {
				var g *WriteGuard[state]
				if r%3 == 0 {
					for {
						var err error
						if g, err = l.TryWrite(); err == nil {
							break
						}
						thread.YieldNow()
					}
				} else {
					g, _ = l.Write()
				}
				g.Get().n++
				g.Get().check = -g.Get().n
				g.Unlock()
			}
		}))
	}
	for range readers {
		hs = append(hs, thread.Go(func() {
			for r := range rounds {
				var g *ReadGuard[state]
				if r%2 == 0 {
					var err error
					if g, err = l.TryRead(); errors.Is(err, ErrWouldBlock) {
						continue
					}
				} else {
					g, _ = l.Read()
				}
				if s := *g.Get(); s.n != -s.check {
					t.Errorf("torn read %+v", s)
				}
				g.Unlock()
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	if s, _ := l.Load(); s.n != writers*rounds {
		t.Fatalf("n = %d, want %d", s.n, writers*rounds)
	}
}

// Readers on Read's one-add fast path beside writers that poison the lock
// now and then: every increment lands, a reader sees the count only grow,
// and once it saw the poison it keeps seeing it (nobody clears it until the
// end). Afterwards the reader word holds no reader, only the poison, and
// ClearPoison gives readers the fast path back.
func TestStressRwLockReadersSeePoison(t *testing.T) {
	leak.Check(t)
	quietPanics(t)
	const writers, readers, rounds = 3, 5, 2000
	l := NewRwLock(0)
	var hs []*thread.JoinHandle[struct{}]
	for i := range writers {
		hs = append(hs, thread.Go(func() {
			for r := range rounds {
				catch(func() {
					g, _ := l.Write()
					defer g.Unlock()
					*g.Get()++
					if (i+r)%500 == 499 {
						panic("poison")
					}
				})
			}
		}))
	}
	for range readers {
		hs = append(hs, thread.Go(func() {
			last, poisoned := 0, false
			for range rounds {
				g, err := l.Read()
				v := *g.Get()
				g.Unlock()
				if v < last {
					t.Errorf("read %d after %d", v, last)
				}
				if poisoned && !errors.Is(err, ErrPoisoned) {
					t.Errorf("Read = %v after it reported ErrPoisoned", err)
				}
				last, poisoned = v, poisoned || err != nil
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	if v, err := l.Load(); v != writers*rounds || !errors.Is(err, ErrPoisoned) {
		t.Fatalf("Load = %d, %v; want %d, ErrPoisoned", v, err, writers*rounds)
	}
	if w := l.raw.readers.Load(); w != rwPoisoned {
		t.Fatalf("reader word = %#x, want only the poison bit", w)
	}
	l.ClearPoison()
	g, err := l.Read()
	g.Unlock()
	if err != nil || l.raw.readers.Load() != 0 {
		t.Fatalf("after ClearPoison: Read = %v, reader word %#x", err, l.raw.readers.Load())
	}
}
