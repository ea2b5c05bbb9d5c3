// WaitGroup (Add/Done/Wait and Go), Once, and Cond with Wait, Signal and
// Broadcast.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func newQueue() *queue {
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *queue) get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func main() {
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * 2
		}()
	}
	wg.Wait()
	fmt.Println(results)

	var mu sync.Mutex
	var got []int
	for i := range 3 {
		wg.Go(func() {
			mu.Lock()
			got = append(got, i)
			mu.Unlock()
		})
	}
	wg.Wait()
	sort.Ints(got)
	fmt.Println(got)

	var once sync.Once
	calls := 0
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { calls++ })
		}()
	}
	wg.Wait()
	fmt.Println("once ran", calls)

	q := newQueue()
	go func() {
		for i := range 3 {
			q.put(i + 1)
		}
	}()
	fmt.Println(q.get() + q.get() + q.get())

	// Broadcast wakes every waiter.
	var ready bool
	c := sync.NewCond(&mu)
	var woke sync.WaitGroup
	for range 3 {
		woke.Add(1)
		go func() {
			defer woke.Done()
			mu.Lock()
			for !ready {
				c.Wait()
			}
			mu.Unlock()
		}()
	}
	mu.Lock()
	ready = true
	mu.Unlock()
	c.Broadcast()
	woke.Wait()
	fmt.Println("all woke")
}
