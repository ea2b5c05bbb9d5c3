// for range over channels: with a value, without, with break.
package main

import "fmt"

func main() {
	c := make(chan int)
	go func() {
		for i := range 5 {
			c <- i
		}
		close(c)
	}()
	sum := 0
	for v := range c {
		sum += v
	}
	fmt.Println("sum", sum)

	d := make(chan string, 3)
	d <- "x"
	d <- "y"
	d <- "z"
	close(d)
	n := 0
	for range d {
		n++
	}
	fmt.Println("count", n)

	e := make(chan int, 10)
	for i := range 10 {
		e <- i
	}
	for v := range e {
		if v == 3 {
			break
		}
		fmt.Println("got", v)
	}
	fmt.Println("left", len(e))

	// Over a receive-only channel returned by a call, assigning to an
	// existing variable.
	var last int
	for last = range gen(3) {
	}
	fmt.Println("last", last)
}

func gen(n int) <-chan int {
	c := make(chan int, n)
	for i := range n {
		c <- i + 100
	}
	close(c)
	return c
}
