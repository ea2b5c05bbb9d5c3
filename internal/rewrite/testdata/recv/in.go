// Receives as statements, in expressions, and from closed channels.
package main

import "fmt"

func produce(n int) <-chan int {
	c := make(chan int)
	go func() {
		for i := range n {
			c <- i * 10
		}
		close(c)
	}()
	return c
}

func main() {
	c := produce(4)
	<-c
	x := <-c
	y := 1 + <-c
	fmt.Println(x, y, (<-c)+1)
	fmt.Println(<-c, "after close")

	// A receive from a channel of channels.
	cc := make(chan chan string, 1)
	inner := make(chan string, 1)
	inner <- "inner"
	cc <- inner
	fmt.Println(<-<-cc)

	// A receive whose result is passed on directly.
	d := make(chan int, 1)
	d <- 7
	fmt.Println(double(<-d))
}

func double(n int) int { return 2 * n }
