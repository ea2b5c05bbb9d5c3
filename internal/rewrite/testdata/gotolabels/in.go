// goto and labels around rewritten statements: a labeled select that goto
// enters again (its channels evaluated anew each time, as Go does), one
// that both goto and break name, goto over and out of rewritten code, and
// labels on a go statement, a send and a receive; goto out of ranges over
// channels and maps.
package main

import "fmt"

func main() {
	// goto back to a labeled select: each time, the select evaluates its
	// channel expression again, which here moves to the next channel.
	chans := []chan int{make(chan int, 1), make(chan int, 1), make(chan int, 1)}
	for i, c := range chans {
		c <- i * 10
	}
	i := 0
again:
	select {
	case v := <-chans[i]:
		fmt.Println("got", v, "from", i)
		i++
		if i < len(chans) {
			goto again
		}
	}

	// goto and break name the same select.
	d := make(chan int, 3)
	d <- 1
	d <- 2
	d <- 3
	n := 0
retry:
	select {
	case v := <-d:
		n += v
		if v == 2 {
			break retry
		}
		goto retry
	}
	fmt.Println("sum before the break", n)

	// A forward goto over a go statement, a send and a select.
	done := make(chan bool, 1)
	if n > 0 {
		goto skip
	}
	go func() { done <- true }()
	done <- false
	select {
	case <-done:
	}
skip:
	fmt.Println("skipped", len(done))

	// goto out of a select case to a label after it.
	e := make(chan string, 1)
	e <- "out"
	select {
	case s := <-e:
		fmt.Println("leaving with", s)
		if len(s) > 0 {
			goto after
		}
	}
	fmt.Println("not reached")
after:

	// Labels on a go statement, a send and a receive, each the target of
	// a goto loop.
	f := make(chan int)
	k := 0
spawn:
	go func(k int) { f <- k }(k)
	k++
	if k < 2 {
		goto spawn
	}
	got := 0
recv:
	got += <-f
	if k--; k > 0 {
		goto recv
	}
	fmt.Println("received", got)
	g := make(chan int, 2)
	k = 0
send:
	g <- k
	if k++; k < 2 {
		goto send
	}
	fmt.Println("sent", len(g))

	// A labeled for around a select that goto leaves and enters.
	h := make(chan int, 4)
	for x := range 4 {
		h <- x
	}
	close(h)
	total := 0
loop:
	for {
		select {
		case v, ok := <-h:
			if !ok {
				break loop
			}
			if v == 1 {
				goto skipone
			}
			total += v
		skipone:
			continue loop
		}
	}
	fmt.Println("total", total)

	// goto out of a range over a channel and over a map, which become
	// ranges over functions, and continue and break by label in them.
	q := make(chan int, 3)
	q <- 1
	q <- 2
	q <- 3
	close(q)
	for v := range q {
		if v == 2 {
			goto drained
		}
		fmt.Println("queue", v)
	}
drained:
	ages := map[string]int{"x": 1}
outer:
	for k, v := range ages {
		for range q {
			continue outer
		}
		if v == 1 {
			goto found
		}
		fmt.Println("not found", k)
		break outer
	}
	fmt.Println("the map loop ended")
	if len(q) == 0 {
		goto found
	}
found:
	fmt.Println("found")
}
