// break and continue around selects: break leaves the select, break L a
// labeled select or loop, continue the loop; nested selects.
package main

import "fmt"

func main() {
	c := make(chan int, 10)
	for i := range 6 {
		c <- i
	}
	close(c)

	// break inside a select inside a for leaves the select, not the loop.
	seen := 0
	for seen < 3 {
		select {
		case v := <-c:
			seen++
			if v == 0 {
				break
			}
			fmt.Println("loop saw", v)
		}
	}

	// continue inside a select continues the loop; break L leaves it.
loop:
	for {
		select {
		case v, ok := <-c:
			if !ok {
				break loop
			}
			if v%2 == 0 {
				continue
			}
			fmt.Println("odd", v)
		}
	}

	// A labeled select: break L leaves it.
	d := make(chan string, 1)
	d <- "labeled"
sel:
	select {
	case s := <-d:
		if s == "labeled" {
			fmt.Println("breaking", s)
			break sel
		}
		fmt.Println("not reached")
	}

	// Nested selects, the inner one with a default.
	e := make(chan int, 1)
	f := make(chan int, 1)
	e <- 1
	select {
	case v := <-e:
		select {
		case w := <-f:
			fmt.Println("both", v, w)
		default:
			fmt.Println("outer got", v, "inner default")
		}
	case w := <-f:
		fmt.Println("f first", w)
	}

	// A labeled loop around a select with a goto-free break from inside a
	// nested switch.
	g := make(chan int, 3)
	g <- 1
	g <- 2
	g <- 3
	count := 0
outer:
	for {
		select {
		case v := <-g:
			switch v {
			case 2:
				count++
				break
			case 3:
				break outer
			}
			count++
		}
	}
	fmt.Println("count", count)
}
