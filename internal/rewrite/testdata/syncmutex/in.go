// Mutexes: a Mutex embedded in a struct, a named field, method values of
// Lock and Unlock, TryLock, an RWMutex and its RLocker, and sync.Locker.
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	sync.Mutex
	n int
}

func (c *counter) inc() {
	c.Lock()
	defer c.Unlock()
	c.n++
}

type table struct {
	mu   sync.RWMutex
	rows map[string]int
}

func (t *table) get(k string) int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.rows[k]
}

func (t *table) put(k string, v int) {
	t.mu.Lock()
	t.rows[k] = v
	t.mu.Unlock()
}

func withLock(l sync.Locker, f func()) {
	l.Lock()
	defer l.Unlock()
	f()
}

func main() {
	var c counter
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.inc()
		}()
	}
	wg.Wait()
	fmt.Println("count", c.n)

	// Method values.
	var mu sync.Mutex
	lock, unlock := mu.Lock, mu.Unlock
	lock()
	fmt.Println("TryLock while held:", mu.TryLock())
	unlock()
	fmt.Println("TryLock when free:", mu.TryLock())
	mu.Unlock()

	t := &table{rows: map[string]int{}}
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t.put(fmt.Sprint("k", i), i*i)
		}()
	}
	wg.Wait()
	fmt.Println(t.get("k0"), t.get("k1"), t.get("k2"), t.get("k3"))

	withLock(&mu, func() { fmt.Println("under a Locker") })
	withLock(t.mu.RLocker(), func() { fmt.Println("under a read lock") })
	var l sync.Locker = &c
	withLock(l, func() { fmt.Println("under the embedded mutex") })

	// A pointer to a mutex, and a mutex in a slice.
	mus := make([]sync.Mutex, 2)
	p := &mus[1]
	p.Lock()
	fmt.Println(mus[1].TryLock(), mus[0].TryLock())
	p.Unlock()
}
