// time: Sleep, After, Timer with Stop and Reset, Ticker, AfterFunc, Tick,
// and Durations, which stay time's own.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(time.Millisecond)
	fmt.Println("slept at least 1ms:", time.Since(start) >= time.Millisecond)

	<-time.After(time.Millisecond)
	fmt.Println("after")

	t := time.NewTimer(time.Hour)
	fmt.Println("stopped before firing:", t.Stop())
	t.Reset(time.Millisecond)
	<-t.C
	fmt.Println("fired after Reset; Stop now:", t.Stop())

	tk := time.NewTicker(time.Millisecond)
	for range 3 {
		<-tk.C
	}
	tk.Stop()
	fmt.Println("three ticks")

	done := make(chan string)
	time.AfterFunc(time.Millisecond, func() { done <- "AfterFunc ran" })
	fmt.Println(<-done)

	never := time.AfterFunc(time.Hour, func() { fmt.Println("never") })
	fmt.Println("AfterFunc stopped:", never.Stop())

	tick := time.Tick(time.Millisecond)
	<-tick
	fmt.Println("Tick")

	// A select between a channel and a timeout.
	c := make(chan int)
	select {
	case v := <-c:
		fmt.Println("unexpected", v)
	case <-time.After(time.Millisecond):
		fmt.Println("timed out")
	}

	var d time.Duration = 90 * time.Second
	fmt.Println(d, d.Minutes())
}
