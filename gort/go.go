package gort

import (
	"runtime"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Go starts f as a goroutine, as the go statement does; reports name it by
// where Go was called. The rewriter turns go f(x) into
// GoAt(pos, func() { f(x) }), with f and x evaluated before, as Go
// evaluates them, and reports name the goroutine by pos.
func Go(f func()) {
	r := Runner()
	if r == nil {
		go f()
		return
	}
	spawn(r, f, sched.Near(1))
}

// A Pos is where a go statement or a make of a channel is in the user's
// file, which the rewriter knows: reports name it without a look at the
// stack. The rewriter makes one per place, at package level, with At.
type Pos struct{ cs *sched.CallSite }

// At returns the Pos of "dir/file.go:line".
func At(pos string) Pos { return Pos{sched.At(pos)} }

// GoAt is Go for the go statement at pos.
func GoAt(pos Pos, f func()) {
	r := Runner()
	if r == nil {
		go f()
		return
	}
	spawn(r, f, pos.cs)
}

// spawn starts f as a goroutine of the explorer, started at site.
func spawn(r sched.Runner, f func(), site *sched.CallSite) {
	if b := CurrentBubble(r); b != nil {
		goIn(r, b, f, site) // a goroutine started in a bubble is in it
		return
	}
	sched.GoFrom(f, site)
}

// LockOSThread is runtime.LockOSThread, which the explorer does not do:
// it runs goroutines one at a time on goroutines of its own, which must not
// be locked to an OS thread, and which OS thread runs one is not part of a
// schedule.
func LockOSThread() {
	if Runner() == nil {
		runtime.LockOSThread()
	}
}

// UnlockOSThread is runtime.UnlockOSThread; see LockOSThread.
func UnlockOSThread() {
	if Runner() == nil {
		runtime.UnlockOSThread()
	}
}

// Gosched is runtime.Gosched: the explorer may run another goroutine first.
func Gosched() {
	if Runner() == nil {
		runtime.Gosched()
		return
	}
	sched.Point(sched.OpYield, nil)
}
