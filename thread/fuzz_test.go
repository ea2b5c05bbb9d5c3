package thread

import (
	"errors"
	"testing"
)

// FuzzScope runs a random sequence of spawns and joins inside a Scope and
// checks every result against a model: each thread returns its index or
// panics with it; Scope must panic exactly when a panicking thread was never
// joined, and every Join must return what the model says.
func FuzzScope(f *testing.F) {
	f.Add([]byte{0, 0, 2, 0})
	f.Add([]byte{1, 0})
	f.Add([]byte{1, 0, 2, 0})
	f.Add([]byte{0, 1, 1, 2, 1, 3, 0, 2, 2, 2, 0})
	f.Add([]byte{3, 1, 0, 3, 0})
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 64 {
			ops = ops[:64]
		}
		type thread struct {
			h      *ScopedJoinHandle[int]
			n      int
			panics bool
			joined bool
		}
		var threads []*thread
		wantPanic := false
		recovered := func() (r any) {
			defer func() { r = recover() }()
			Scope(func(s *ScopeHandle) int {
				for i := 0; i < len(ops); i++ {
					switch ops[i] % 4 {
					case 0, 1:
						n, panics := len(threads), ops[i]%4 == 1
						h := ScopedSpawn(s, func() int {
							if panics {
								panic(n)
							}
							return n
						})
						threads = append(threads, &thread{h: h, n: n, panics: panics})
					case 2:
						if len(threads) == 0 || i+1 == len(ops) {
							continue
						}
						i++
						th := threads[int(ops[i])%len(threads)]
						th.joined = true
						v, err := th.h.Join()
						var pe *PanicError
						switch {
						case th.panics && (!errors.As(err, &pe) || pe.Value != th.n):
							t.Errorf("Join of a panicking thread = %v, %v", v, err)
						case !th.panics && (v != th.n || err != nil):
							t.Errorf("Join = %v, %v", v, err)
						}
					case 3: // a nested scope whose thread panics and is joined
						Scope(func(inner *ScopeHandle) int {
							inner.Go(func() { panic("inner") }).Join()
							return 0
						})
					}
				}
				return 0
			})
			return nil
		}()
		for _, th := range threads {
			if th.panics && !th.joined {
				wantPanic = true
			}
			if !th.h.IsFinished() {
				t.Fatal("Scope returned before a thread ended")
			}
		}
		if _, isPanic := recovered.(*PanicError); isPanic != wantPanic {
			t.Fatalf("Scope panicked with %v; the model expects a panic: %v", recovered, wantPanic)
		}
	})
}
