// An empty select blocks its goroutine forever; as the last statement of a
// function it is a terminating statement.
package main

import "fmt"

func serve(started chan<- bool) int {
	started <- true
	select {}
}

func main() {
	started := make(chan bool)
	go serve(started)
	<-started
	go func() {
		select {}
	}()
	fmt.Println("main returns while two goroutines block forever")
}
