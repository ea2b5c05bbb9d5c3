// close, len and cap of channels; len and cap of slices, strings, arrays
// and maps stay as they are.
package main

import "fmt"

func main() {
	c := make(chan int, 4)
	c <- 1
	c <- 2
	fmt.Println(len(c), cap(c))
	close(c)
	fmt.Println(len(c), cap(c))
	<-c
	fmt.Println(len(c), cap(c))

	var in <-chan int = c
	fmt.Println(len(in), cap(in))

	var nilc chan int
	fmt.Println(len(nilc), cap(nilc))

	s := make([]int, 2, 5)
	arr := [3]int{}
	m := map[int]int{1: 1}
	fmt.Println(len(s), cap(s), len("four"), len(arr), cap(arr), len(m))

	defer func() { fmt.Println("recovered:", recover()) }()
	close(c)
}
