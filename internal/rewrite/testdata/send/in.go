// Sends on buffered and unbuffered channels, of values computed at the send.
package main

import "fmt"

type pair struct{ a, b int }

func main() {
	buf := make(chan int, 3)
	buf <- 1
	buf <- 1 + 1
	x := 3
	buf <- x
	fmt.Println(<-buf, <-buf, <-buf)

	unbuf := make(chan pair)
	done := make(chan bool)
	go func() {
		p := <-unbuf
		fmt.Println("received", p.a, p.b)
		done <- true
	}()
	unbuf <- pair{4, 5}
	<-done

	// A send of a send's channel expression, and a nil interface.
	chans := []chan any{make(chan any, 1)}
	chans[0] <- nil
	fmt.Println(<-chans[0] == nil)

	var out chan<- string = make(chan string, 1)
	out <- "directional"
	fmt.Println(len(out))
}
