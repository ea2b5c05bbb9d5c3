// Parenthesized receives and channels: in select cases, comma-ok
// receives, sends and go statements.
package main

import "fmt"

func main() {
	c := make(chan int, 1)
	d := make(chan int, 1)

	c <- 1
	select {
	case (<-c):
		fmt.Println("parenthesized receive")
	}
	c <- 2
	select {
	case v := (<-c):
		fmt.Println("parenthesized :=", v)
	}
	c <- 3
	var v int
	var ok bool
	select {
	case v, ok = (<-(c)):
		fmt.Println("parenthesized =", v, ok)
	}

	// A send of a received value: the receive happens before the choice.
	d <- 4
	select {
	case (c) <- (<-d):
		fmt.Println("sent", <-c)
	}

	d <- 5
	w, ok2 := (<-d)
	fmt.Println(w, ok2)
	(d) <- 6
	fmt.Println((<-d))
}
