// Command leakprog leaves one goroutine blocked forever on a shared.Mutex
// whose holder forgot its guard, started as os.Args[1] says: "go" (a plain
// go statement), "thread" (thread.Go) or "named" (a thread named "stuck"),
// and prints Go's goroutine leak profile. Built with
// GOEXPERIMENT=goroutineleakprofile by TestLeakProfileSeesThreads.
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

//go:noinline
func leak(how string) {
	m := shared.NewMutex(0)
	g, _ := m.Lock() // never unlocked: only the blocked goroutine keeps m
	started := make(chan struct{})
	blocked := func() {
		close(started)
		m.Lock()
	}
	switch how {
	case "go":
		go blocked()
	case "thread":
		thread.Go(blocked)
	case "named":
		thread.SpawnWith(thread.NewBuilder().Name("stuck"), func() int { blocked(); return 0 })
	default:
		fmt.Fprintln(os.Stderr, "usage: leakprog go|thread|named")
		os.Exit(2)
	}
	<-started
	runtime.KeepAlive(g)
}

func main() {
	leak(os.Args[1])
	p := pprof.Lookup("goroutineleak")
	if p == nil {
		fmt.Fprintln(os.Stderr, "no goroutineleak profile: build with GOEXPERIMENT=goroutineleakprofile")
		os.Exit(2)
	}
	// The profile runs a collection that finds the leaked goroutines. The
	// blocked goroutine may not have parked yet: a goroutine that is still
	// running is not leaked, so look until it is found, a bounded number
	// of times.
	for range 1000 {
		var b bytes.Buffer
		p.WriteTo(&b, 1)
		if !bytes.HasPrefix(b.Bytes(), []byte("goroutineleak profile: total 0")) {
			os.Stdout.Write(b.Bytes())
			return
		}
		runtime.Gosched()
	}
	fmt.Println("goroutineleak profile: total 0")
}
