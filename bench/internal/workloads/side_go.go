package workloads

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
)

// The Go built-ins: the baseline every ratio is taken against.
func init() {
	t := map[string]harness.Impl{}
	for _, f := range flavors {
		if fast(f.name) {
			t[chanName(f.name, "seq")] = goSeq(f.cap)
		}
		t[chanName(f.name, "spsc")] = goSPSC(f.cap)
		t[chanName(f.name, "mpsc")] = goMPSC(f.cap, T)
		t[chanName(f.name, "mpmc")] = goMPMC(f.cap)
		t[chanName(f.name, "select2")] = goSelect2(f.cap)
	}
	t["latency/pingpong"] = goPingPong
	t["mutex/uncontended"] = goMutexUncontended
	t["mutex/contended"] = goMutexContended(T)
	t["rwlock/read"] = goRWRead
	t["rwlock/read-contended"] = goRWReadContended
	t["rwlock/mixed-contended"] = goRWMixed
	t["barrier/generations"] = goBarrier
	t["spawn/join"] = goSpawnJoin
	t["spawn/scope"] = goSpawnScope
	t["pool/throughput"] = goPool
	t["pool/100us"] = goBusy
	t["par/sum"] = goParSum
	t["par/map"] = goParMap
	harness.Default.Register(harness.SideGo, t)
}

func goSeq(capf func(int) int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			c := make(chan int, capf(n))
			for i := range n {
				c <- i
			}
			sum := 0
			for range n {
				sum += <-c
			}
			return checkSum(sum, n)
		}
	}
}

func goSPSC(capf func(int) int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			c := make(chan int, capf(n))
			go func() {
				for i := range n {
					c <- i
				}
			}()
			sum := 0
			for range n {
				sum += <-c
			}
			return checkSum(sum, n)
		}
	}
}

// goMPSC: producers goroutines send their share of 0..n, one receives all.
func goMPSC(capf func(int) int, producers int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			c := make(chan int, capf(n))
			per := n / producers
			for p := range producers {
				go func() {
					for i := p * per; i < (p+1)*per; i++ {
						c <- i
					}
				}()
			}
			sum := 0
			for range per * producers {
				sum += <-c
			}
			return checkSum(sum, per*producers)
		}
	}
}

func goMPMC(capf func(int) int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			c := make(chan int, capf(n))
			per := n / T
			var total atomic.Int64
			var wg sync.WaitGroup
			for p := range T {
				go func() {
					for i := p * per; i < (p+1)*per; i++ {
						c <- i
					}
				}()
				wg.Go(func() {
					sum := 0
					for range per {
						sum += <-c
					}
					total.Add(int64(sum))
				})
			}
			wg.Wait()
			return checkSum(int(total.Load()), per*T)
		}
	}
}

func goSelect2(capf func(int) int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			a, b := make(chan int, capf(n)), make(chan int, capf(n))
			half := n / 2
			go func() {
				for i := range half {
					a <- i
				}
			}()
			go func() {
				for i := half; i < 2*half; i++ {
					b <- i
				}
			}()
			sum := 0
			for range 2 * half {
				select {
				case v := <-a:
					sum += v
				case v := <-b:
					sum += v
				}
			}
			return checkSum(sum, 2*half)
		}
	}
}

func goPingPong(n int) func() error {
	return func() error {
		ping, pong := make(chan int), make(chan int)
		go func() {
			for v := range ping {
				pong <- v + 1
			}
		}()
		v := 0
		for range n {
			ping <- v
			v = <-pong
		}
		close(ping)
		if v != n {
			return fmt.Errorf("ping-pong ended at %d, want %d", v, n)
		}
		return nil
	}
}

func goMutexUncontended(n int) func() error {
	return func() error {
		var mu sync.Mutex
		x := 0
		for range n {
			mu.Lock()
			x++
			mu.Unlock()
		}
		return checkCount(x, n)
	}
}

// goMutexContended: lockers goroutines lock, increment, unlock.
func goMutexContended(lockers int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			var mu sync.Mutex
			x := 0
			per := n / lockers
			var wg sync.WaitGroup
			for range lockers {
				wg.Go(func() {
					for range per {
						mu.Lock()
						x++
						mu.Unlock()
					}
				})
			}
			wg.Wait()
			return checkCount(x, per*lockers)
		}
	}
}

func goRWRead(n int) func() error {
	return func() error {
		var mu sync.RWMutex
		x, sum := 1, 0
		for range n {
			mu.RLock()
			sum += x
			mu.RUnlock()
		}
		return checkCount(sum, n)
	}
}

func goRWReadContended(n int) func() error {
	return func() error {
		var mu sync.RWMutex
		x := 1
		per := n / T
		var total atomic.Int64
		var wg sync.WaitGroup
		for range T {
			wg.Go(func() {
				sum := 0
				for range per {
					mu.RLock()
					sum += x
					mu.RUnlock()
				}
				total.Add(int64(sum))
			})
		}
		wg.Wait()
		return checkCount(int(total.Load()), per*T)
	}
}

func goRWMixed(n int) func() error {
	return func() error {
		var mu sync.RWMutex
		x := 0
		per := n / T
		var wg sync.WaitGroup
		for range T {
			wg.Go(func() {
				seen := 0
				for i := range per {
					if i%10 == 0 {
						mu.Lock()
						x++
						mu.Unlock()
					} else {
						mu.RLock()
						seen += x
						mu.RUnlock()
					}
				}
				runtime.KeepAlive(seen)
			})
		}
		wg.Wait()
		return checkCount(x, wantWrites(per))
	}
}

// wantWrites is how many writes the mixed workload makes: one in ten per
// goroutine, counting from the first.
func wantWrites(per int) int { return T * ((per + 9) / 10) }

func checkCount(got, want int) error {
	if got != want {
		return fmt.Errorf("counted %d, want %d", got, want)
	}
	return nil
}

// condBarrier is the barrier a Go programmer writes with the standard
// library: a generation counter under a Mutex and a Cond.
type condBarrier struct {
	mu    sync.Mutex
	cond  sync.Cond
	n     int
	count int
	gen   uint64
}

func newCondBarrier(n int) *condBarrier {
	b := &condBarrier{n: n}
	b.cond.L = &b.mu
	return b
}

// Wait returns true for the one goroutine that completed the generation.
func (b *condBarrier) Wait() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	gen := b.gen
	b.count++
	if b.count == b.n {
		b.count = 0
		b.gen++
		b.cond.Broadcast()
		return true
	}
	for gen == b.gen {
		b.cond.Wait()
	}
	return false
}

func goBarrier(n int) func() error {
	return func() error {
		b := newCondBarrier(T)
		var leaders atomic.Int64
		var wg sync.WaitGroup
		for range T {
			wg.Go(func() {
				for range n {
					if b.Wait() {
						leaders.Add(1)
					}
				}
			})
		}
		wg.Wait()
		return checkLeaders(int(leaders.Load()), n)
	}
}

func checkLeaders(got, n int) error {
	if got != n {
		return fmt.Errorf("%d leaders, want one per generation (%d)", got, n)
	}
	return nil
}

// goSpawnJoin: a goroutine and a channel of one result, the Go way to get
// a value back from a goroutine.
func goSpawnJoin(n int) func() error {
	return func() error {
		sum := 0
		var hs [T]chan int
		for b := range n / T {
			for i := range hs {
				c := make(chan int, 1)
				v := b*T + i
				go func() { c <- v }()
				hs[i] = c
			}
			for _, c := range hs {
				sum += <-c
			}
		}
		return checkSum(sum, n/T*T)
	}
}

func goSpawnScope(n int) func() error {
	return func() error {
		var total atomic.Int64
		for b := range n / T {
			var wg sync.WaitGroup
			for i := range T {
				wg.Go(func() { total.Add(int64(b*T + i)) })
			}
			wg.Wait()
		}
		return checkSum(int(total.Load()), n/T*T)
	}
}

// goPool: W goroutines ranging over a channel of tasks.
func goPool(n int) func() error {
	return func() error {
		var done atomic.Int64
		jobs := make(chan func(), 128)
		var wg sync.WaitGroup
		for range W {
			wg.Go(func() {
				for f := range jobs {
					f()
				}
			})
		}
		for i := range n {
			jobs <- func() { done.Add(task(i)) }
		}
		close(jobs)
		wg.Wait()
		return checkTasks(done.Load(), n)
	}
}

// goBusy: a bare goroutine per task and a WaitGroup, the Go idiom a pool
// replaces; the runtime spreads them over GOMAXPROCS.
func goBusy(n int) func() error {
	c := busyCalibration()
	return func() error {
		var done atomic.Uint64
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { done.Add(c.task(i)) })
		}
		wg.Wait()
		return c.check(done.Load(), n)
	}
}

// goParSum: one goroutine per GOMAXPROCS chunk and a WaitGroup.
func goParSum(n int) func() error {
	data, want := sumInput(n)
	return func() error {
		cs := chunks(len(data), runtime.GOMAXPROCS(0))
		parts := make([]int64, len(cs))
		var wg sync.WaitGroup
		for k, c := range cs {
			wg.Go(func() {
				var s int64
				for _, v := range data[c[0]:c[1]] {
					s += v
				}
				parts[k] = s
			})
		}
		wg.Wait()
		var got int64
		for _, s := range parts {
			got += s
		}
		if got != want {
			return fmt.Errorf("sum %d, want %d", got, want)
		}
		return nil
	}
}

func goParMap(n int) func() error {
	data := mapInput(n)
	return func() error {
		out := make([]uint64, len(data))
		var wg sync.WaitGroup
		for _, c := range chunks(len(data), runtime.GOMAXPROCS(0)) {
			wg.Go(func() {
				for i := c[0]; i < c[1]; i++ {
					out[i] = mix(data[i])
				}
			})
		}
		wg.Wait()
		return checkMap(out, n)
	}
}
