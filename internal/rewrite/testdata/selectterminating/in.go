// A select with no default whose every case returns is a terminating
// statement: the function needs no return after it.
package main

import (
	"errors"
	"fmt"
)

func first(a, b <-chan int) (int, error) {
	select {
	case v := <-a:
		return v, nil
	case _, ok := <-b:
		if ok {
			return 0, errors.New("b had a value")
		}
		return 0, errors.New("b closed")
	}
}

func forever(stop <-chan struct{}, results chan<- string) string {
	for {
		select {
		case <-stop:
			return "stopped"
		case results <- "tick":
		}
	}
}

func main() {
	a := make(chan int, 1)
	a <- 1
	fmt.Println(first(a, nil))
	b := make(chan int)
	close(b)
	fmt.Println(first(nil, b))

	stop := make(chan struct{})
	results := make(chan string)
	done := make(chan string)
	go func() { done <- forever(stop, results) }()
	fmt.Println(<-results, <-results)
	close(stop)
	fmt.Println(<-done)
}
