package gort

import (
	"runtime"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Go is the go statement: go f() becomes Go(func() { f() }), with f and its
// arguments evaluated before, as Go evaluates them.
func Go(f func()) {
	r := Runner()
	if r == nil {
		go f()
		return
	}
	if b := CurrentBubble(r); b != nil {
		GoIn(r, b, f) // a goroutine started in a bubble is in it
		return
	}
	sched.GoFrom(f, sched.Near(1))
}

// Gosched is runtime.Gosched: the explorer may run another goroutine first.
func Gosched() {
	if Runner() == nil {
		runtime.Gosched()
		return
	}
	sched.Point(sched.OpYield, nil)
}
