package workloads

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	"github.com/puzpuzpuz/xsync/v4"
)

// xsync: its lock-free queues stand in for channels where their shape fits
// (UMPSCQueue: unbounded, one consumer; MPMCQueue: bounded, any number), and
// RBMutex for the read-mostly lock. The queues only block by spinning, so a
// full or empty queue is retried after runtime.Gosched, as xsync advises.
func init() {
	t := map[string]harness.Impl{
		chanName("unbounded", "seq"):  xsUnboundedSeq,
		chanName("unbounded", "spsc"): xsUnbounded(1),
		chanName("unbounded", "mpsc"): xsUnbounded(T),
		"rwlock/read":                 xsRBRead,
		"rwlock/read-contended":       xsRBReadContended,
		"rwlock/mixed-contended":      xsRBMixed,
	}
	for _, f := range flavors {
		if f.name == "unbounded" || f.name == "rendezvous" {
			continue
		}
		if f.name == "boundedN" {
			t[chanName(f.name, "seq")] = xsBoundedSeq
		}
		t[chanName(f.name, "spsc")] = xsBounded(f.cap, 1, 1)
		t[chanName(f.name, "mpsc")] = xsBounded(f.cap, T, 1)
		t[chanName(f.name, "mpmc")] = xsBounded(f.cap, T, T)
	}
	harness.Default.Register(harness.SideXsync, t)
}

func xsUnboundedSeq(n int) func() error {
	return func() error {
		q := xsync.NewUMPSCQueue[int]()
		for i := range n {
			q.Enqueue(i)
		}
		sum := 0
		for range n {
			sum += q.Dequeue()
		}
		return checkSum(sum, n)
	}
}

func xsUnbounded(producers int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			q := xsync.NewUMPSCQueue[int]()
			per := n / producers
			for p := range producers {
				go func() {
					for i := p * per; i < (p+1)*per; i++ {
						q.Enqueue(i)
					}
				}()
			}
			sum := 0
			for range per * producers {
				sum += q.Dequeue()
			}
			return checkSum(sum, per*producers)
		}
	}
}

func xsBoundedSeq(n int) func() error {
	return func() error {
		q := xsync.NewMPMCQueue[int](n)
		for i := range n {
			xsEnqueue(q, i)
		}
		sum := 0
		for range n {
			sum += xsDequeue(q)
		}
		return checkSum(sum, n)
	}
}

func xsEnqueue(q *xsync.MPMCQueue[int], v int) {
	for !q.TryEnqueue(v) {
		runtime.Gosched()
	}
}

func xsDequeue(q *xsync.MPMCQueue[int]) int {
	for {
		if v, ok := q.TryDequeue(); ok {
			return v
		}
		runtime.Gosched()
	}
}

func xsBounded(capf func(int) int, producers, consumers int) harness.Impl {
	return func(n int) func() error {
		return func() error {
			q := xsync.NewMPMCQueue[int](capf(n))
			per := n / producers
			for p := range producers {
				go func() {
					for i := p * per; i < (p+1)*per; i++ {
						xsEnqueue(q, i)
					}
				}()
			}
			total := per * producers
			var sum atomic.Int64
			var wg sync.WaitGroup
			for c := range consumers {
				k := total / consumers
				if c == 0 {
					k += total % consumers
				}
				wg.Go(func() {
					s := 0
					for range k {
						s += xsDequeue(q)
					}
					sum.Add(int64(s))
				})
			}
			wg.Wait()
			return checkSum(int(sum.Load()), total)
		}
	}
}

func xsRBRead(n int) func() error {
	return func() error {
		mu := xsync.NewRBMutex()
		x, sum := 1, 0
		for range n {
			tok := mu.RLock()
			sum += x
			mu.RUnlock(tok)
		}
		return checkCount(sum, n)
	}
}

func xsRBReadContended(n int) func() error {
	return func() error {
		mu := xsync.NewRBMutex()
		x := 1
		per := n / T
		var total atomic.Int64
		var wg sync.WaitGroup
		for range T {
			wg.Go(func() {
				sum := 0
				for range per {
					tok := mu.RLock()
					sum += x
					mu.RUnlock(tok)
				}
				total.Add(int64(sum))
			})
		}
		wg.Wait()
		return checkCount(int(total.Load()), per*T)
	}
}

func xsRBMixed(n int) func() error {
	return func() error {
		mu := xsync.NewRBMutex()
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
						tok := mu.RLock()
						seen += x
						mu.RUnlock(tok)
					}
				}
				runtime.KeepAlive(seen)
			})
		}
		wg.Wait()
		return checkCount(x, wantWrites(per))
	}
}
