// make of channels, buffered and unbuffered, of named channel types, and
// of other things, which stays as it is.
package main

import "fmt"

type pipe chan int

type (
	events   chan string
	readOnly <-chan int
)

const size = 2

func main() {
	a := make(chan int)
	b := make(chan int, 3)
	c := make(chan struct{}, size)
	p := make(pipe, 1)
	e := make(events, size*2)
	var r readOnly = make(chan int)
	fmt.Println(cap(a), cap(b), cap(c), cap(p), cap(e), cap(r))

	p <- 5
	fmt.Println(<-p)
	e <- "event"
	fmt.Println(len(e), <-e)

	go func() { a <- 1 }()
	fmt.Println(<-a)

	s := make([]int, 3)
	m := make(map[string]int, 3)
	fmt.Println(len(s), len(m))

	// A channel made in a composite literal and in a function call.
	chans := []chan int{make(chan int, 1), make(chan int, 2)}
	fmt.Println(cap(chans[0]), cap(chans[1]), cap(mk(4)))
}

func mk(n int) chan bool { return make(chan bool, n) }
