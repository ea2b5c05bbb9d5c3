// select with each kind of case: receive, receive into := and =, with
// two values, send, and default.
package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan string, 1)

	// default when nothing is ready.
	select {
	case v := <-a:
		fmt.Println("unexpected", v)
	default:
		fmt.Println("default")
	}

	// A send case.
	select {
	case a <- 1:
		fmt.Println("sent 1")
	}

	// A receive into :=, with two values.
	select {
	case v, ok := <-a:
		fmt.Println("received", v, ok)
	}

	// A receive into =, one value and two.
	var s string
	var ok bool
	b <- "hello"
	select {
	case s = <-b:
		fmt.Println("assigned", s)
	}
	close(b)
	select {
	case s, ok = <-b:
		fmt.Printf("assigned %q %v\n", s, ok)
	}

	// A receive whose value is dropped, and one into blanks.
	a <- 2
	select {
	case <-a:
		fmt.Println("dropped")
	}
	a <- 3
	select {
	case _, _ = <-a:
		fmt.Println("blanks")
	}

	// Only one case ready: a nil channel is never ready; a send of a
	// value computed before the choice.
	var never chan int
	c := make(chan int, 1)
	n := 0
	next := func() int { n++; return n * 100 }
	select {
	case <-never:
		fmt.Println("never")
	case c <- next():
		fmt.Println("sent", <-c, "n", n)
	}

	// A send and a receive on channels from expressions, with default:
	// first only the receive is ready, then nothing is.
	chans := []chan int{make(chan int, 1), make(chan int, 1)}
	chans[0] <- 8
	chans[1] <- 9
	for range 2 {
		select {
		case v := <-chans[1]:
			fmt.Println("from chans[1]", v)
		case chans[0] <- 4:
			fmt.Println("to chans[0]")
		default:
			fmt.Println("default again")
		}
	}
	fmt.Println(len(chans[0]), len(chans[1]))
}
