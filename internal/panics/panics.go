// Package panics is the one place where fearless catches what ends a
// function other than returning: a panic, kept with its value and the
// stack where it happened, or runtime.Goexit, which cannot be stopped and
// is told apart as its own case. thread, pool and par run every function
// of their users through Run.
package panics

import (
	"errors"
	"runtime/debug"
)

// ErrGoexit is the Value of a Panic that stands for runtime.Goexit (t.FailNow,
// for one): the goroutine ended without returning and without panicking.
// thread exports it as thread.ErrGoexit.
var ErrGoexit = errors.New("thread: exited by runtime.Goexit before returning")

// A Panic is what ended a function that did not return. Its fields are
// those of thread.PanicError, so that a *Panic converts to a
// *thread.PanicError without a copy.
type Panic struct {
	Value  any    // the value passed to panic, or ErrGoexit
	Stack  []byte // the panicking goroutine's stack, as debug.Stack prints it; nil for Goexit
	Thread string // who ran the function: Run leaves it to end to fill in
}

// An Unwinding is a panic value that unwinds a goroutine on purpose (the
// schedule explorer ending the threads of a run that is over): Run hands
// it to end without a stack, which nobody would read, and which costs more
// than the rest of the unwinding.
type Unwinding interface{ Unwinding() }

// Unwinding reports whether p is an Unwinding. A catcher that goes on
// after a panic (a pool worker after a task's) must panic again with
// p.Value instead: the goroutine is being ended, and would otherwise run
// on into the next operation, be unwound again, and never end.
func (p *Panic) Unwinding() bool {
	_, ok := p.Value.(Unwinding)
	return ok
}

// Goexit reports whether p stands for runtime.Goexit rather than a panic.
func (p *Panic) Goexit() bool { return p.Stack == nil && p.Value == ErrGoexit }

// Run calls f, then end, on the calling goroutine. end gets nil when f
// returned; otherwise it gets what ended f, made for this call, while the
// goroutine's stack still holds the panicking frames:
//
//   - a panic: p.Value is the value and p.Stack the stack where f panicked
//     (nil for an Unwinding). The panic is over: Run returns once end
//     returns.
//   - runtime.Goexit: p.Goexit() is true. Nothing can stop a Goexit: once
//     end returns, the goroutine goes on ending, and Run does not return.
//
// A panic in end is not caught. On the way of a return, Run costs a
// deferred call and a flag: it calls recover only when f did not return.
func Run(f func(), end func(p *Panic)) {
	returned := false
	defer func() {
		if returned {
			end(nil)
			return
		}
		if v := recover(); v != nil {
			p := &Panic{Value: v}
			if !p.Unwinding() {
				p.Stack = debug.Stack()
			}
			end(p)
			return
		}
		end(&Panic{Value: ErrGoexit})
	}()
	f()
	returned = true
}
