// Package-level channels and mutexes, generic functions over channels, and
// a struct holding a channel.
package main

import (
	"fmt"
	"sort"
	"sync"
)

var (
	mu     sync.Mutex
	total  int
	jobs   = make(chan int, 4)
	closed = make(chan struct{})
)

func init() {
	jobs <- 1 // a value in the buffer before main runs
	close(closed)
}

// merge sends every value of every channel to one, closed when all are.
func merge[T any](cs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func from[T any](vs ...T) <-chan T {
	c := make(chan T, len(vs))
	for _, v := range vs {
		c <- v
	}
	close(c)
	return c
}

type worker struct {
	name string
	in   chan string
	done chan bool
}

func (w *worker) run() {
	for s := range w.in {
		mu.Lock()
		total += len(s)
		mu.Unlock()
	}
	w.done <- true
}

func main() {
	jobs <- 2
	close(jobs)
	sum := 0
	for j := range jobs {
		sum += j
	}
	<-closed
	fmt.Println("jobs", sum)

	var got []string
	for s := range merge(from("a", "b"), from("c")) {
		got = append(got, s)
	}
	sort.Strings(got)
	fmt.Println(got)

	w := &worker{name: "w", in: make(chan string), done: make(chan bool)}
	go w.run()
	w.in <- "four"
	w.in <- "six"
	close(w.in)
	<-w.done
	mu.Lock()
	fmt.Println("total", total)
	mu.Unlock()
}
