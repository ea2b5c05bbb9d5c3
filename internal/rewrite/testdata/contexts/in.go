// context: WithCancel, WithTimeout, WithDeadline, WithValue, AfterFunc,
// Done, Err and Cause.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

func worker(ctx context.Context, out chan<- string) {
	<-ctx.Done()
	out <- fmt.Sprint("worker: ", ctx.Err())
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string)
	go worker(ctx, out)
	cancel()
	fmt.Println(<-out)
	fmt.Println(errors.Is(ctx.Err(), context.Canceled))

	tctx, tcancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer tcancel()
	<-tctx.Done()
	fmt.Println("timeout:", tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded))

	dctx, dcancel := context.WithDeadline(context.Background(), time.Now().Add(time.Hour))
	_, has := dctx.Deadline()
	dcancel()
	fmt.Println("deadline:", has, dctx.Err())

	vctx := context.WithValue(context.TODO(), key("user"), "ada")
	child, ccancel := context.WithCancel(vctx)
	fmt.Println("value:", child.Value(key("user")), child.Value(key("other")))

	ran := make(chan bool)
	stop := context.AfterFunc(child, func() { ran <- true })
	ccancel()
	fmt.Println("AfterFunc ran:", <-ran, "stop after:", stop())

	stop2 := context.AfterFunc(context.Background(), func() { fmt.Println("never") })
	fmt.Println("stopped:", stop2())

	cause, ccause := context.WithCancelCause(context.Background())
	ccause(errors.New("shutting down"))
	fmt.Println("cause:", context.Cause(cause), cause.Err())

	select {
	case <-ctx.Done():
		fmt.Println("select on Done")
	}
}
