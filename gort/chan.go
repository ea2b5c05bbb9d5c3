package gort

import (
	"fmt"
	"iter"
	"os"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Operations on channels, as the explorer's reports name them.
const (
	opSend   sched.Op = "chan send"
	opRecv   sched.Op = "chan receive"
	opClose  sched.Op = "close"
	opLen    sched.Op = "len of chan"
	opSelect sched.Op = "select"
)

// chanState is a channel as one run models it: the buffer, the goroutines
// blocked on it, and whether it is closed.
type chanState struct {
	ch     any // the channel, kept so that its address is not reused in the run
	cap    int
	buf    []any
	closed bool
	recvq  Queue
	sendq  Queue
	site   *sched.CallSite // where it was made
}

func (c *chanState) SchedLabel() string { return Describe(fmt.Sprintf("%T", c.ch), "made at", c.site) }

// made records the channels made by rewritten code (by Made) outside any
// run, such as package-level ones: each run starts them as they were
// before the first run touched them.
var made struct {
	sync.Mutex
	chans map[uintptr]*madeChan
}

type madeChan struct {
	ch    any
	site  *sched.CallSite
	seed  []any // what it held when an exploration first touched it
	shut  bool  // ... and whether it was closed
	taken bool
}

// recordNative says whether channels made while no explorer runs are
// recorded, for explorations to come (see ConfigEnv).
var recordNative atomic.Bool

// ConfigEnv names the environment variable through which fearless test
// tells a test binary how to explore (see package gort/testing). When it is
// set, Made records the channels made while no explorer runs (package-level
// ones, say), from the first package-level variable on, so that every run of
// the explorations that follow starts with them as they were; a recorded
// channel is kept for the life of the process. Elsewhere Made is only the
// make it wraps.
const ConfigEnv = "FEARLESS_TEST"

func init() { recordNative.Store(os.Getenv(ConfigEnv) != "") }

// nilChan stands for every nil channel in reports.
type nilChan struct{}

func (nilChan) SchedLabel() string { return "a nil channel" }

// Made registers c, a channel just made, and returns it; reports name it by
// where Made was called. The rewriter turns make(chan T, n) into
// MadeAt(pos, make(chan T, n)), which names it by pos.
func Made[C any](c C) C {
	return register(c, sched.Near(1)) // resolved only if a report names the channel
}

// MadeAt is Made for the make at pos.
func MadeAt[C any](pos Pos, c C) C { return register(c, pos.cs) }

// MadeFrom is Made for a channel that reports name by site (a timer's, by
// where the timer was made).
func MadeFrom[C any](site *sched.CallSite, c C) C { return register(c, site) }

func register[C any](c C, site *sched.CallSite) C {
	r := Runner()
	ptr := reflect.ValueOf(c).Pointer()
	if r == nil {
		if !recordNative.Load() {
			return c
		}
		made.Lock()
		if made.chans == nil {
			made.chans = map[uintptr]*madeChan{}
		}
		made.chans[ptr] = &madeChan{ch: c, site: site}
		made.Unlock()
		return c
	}
	StateOf(r, ptr, func() *chanState {
		return &chanState{ch: c, cap: reflect.ValueOf(c).Cap(), site: site}
	})
	return c
}

// stateOf returns the modelled state of channel ch in the current run, or
// nil when ch was made by code that was not rewritten: the explorer does not
// control it. A nil channel has no state; ok is then true.
func stateOf(r sched.Runner, ch any) (st *chanState, ok bool) {
	v := reflect.ValueOf(ch)
	ptr := v.Pointer()
	if ptr == 0 {
		return nil, true
	}
	if s, found := world.objs[ptr]; found && world.run == r.Run() {
		return s.(*chanState), true
	}
	made.Lock()
	m := made.chans[ptr]
	made.Unlock()
	if m == nil {
		return nil, false
	}
	return StateOf(r, ptr, func() *chanState {
		if !m.taken {
			m.taken = true
			m.seed, m.shut = drain(reflect.ValueOf(m.ch)) // as made: both directions
		}
		return &chanState{ch: m.ch, cap: v.Cap(), buf: append([]any(nil), m.seed...), closed: m.shut, site: m.site}
	}), true
}

// drain takes what a channel made before the exploration holds, once: the
// runs model it from then on.
func drain(v reflect.Value) (vals []any, closed bool) {
	for {
		chosen, x, ok := reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: v}, {Dir: reflect.SelectDefault}})
		if chosen == 1 {
			return vals, false
		}
		if !ok {
			return vals, true
		}
		vals = append(vals, x.Interface())
	}
}

// Sender is a channel to send on, as the rewriter calls it: Out(ch).Send(v)
// for ch <- v.
type Sender[T any] struct{ ch chan<- T }

// Out returns ch as a Sender.
func Out[T any](ch chan<- T) Sender[T] { return Sender[T]{ch} }

// Send is ch <- v.
func (c Sender[T]) Send(v T) {
	r := Runner()
	if r == nil {
		c.ch <- v
		return
	}
	st, ok := stateOf(r, c.ch)
	if !ok {
		outside(r, "a send on a channel made by code that was not rewritten")
		c.ch <- v
		return
	}
	if st == nil {
		sched.Point(opSend, nilChan{})
		Block()
		return
	}
	sched.Point(opSend, st)
	st.send(v)
}

// Receiver is a channel to receive from, as the rewriter calls it:
// In(ch).Recv() for <-ch.
type Receiver[T any] struct{ ch <-chan T }

// In returns ch as a Receiver.
func In[T any](ch <-chan T) Receiver[T] { return Receiver[T]{ch} }

// Recv is <-ch.
func (c Receiver[T]) Recv() T {
	v, _ := c.Recv2()
	return v
}

// Recv2 is v, ok := <-ch.
func (c Receiver[T]) Recv2() (T, bool) {
	r := Runner()
	if r == nil {
		v, ok := <-c.ch
		return v, ok
	}
	st, ok := stateOf(r, c.ch)
	if !ok {
		outside(r, "a receive from a channel made by code that was not rewritten")
		v, ok := <-c.ch
		return v, ok
	}
	if st == nil {
		sched.Point(opRecv, nilChan{})
		Block()
		var zero T
		return zero, false
	}
	sched.Point(opRecv, st)
	x, ok := st.recv()
	return as[T](x), ok
}

// Range is for v := range ch.
func (c Receiver[T]) Range() iter.Seq[T] {
	return func(yield func(T) bool) {
		for {
			v, ok := c.Recv2()
			if !ok || !yield(v) {
				return
			}
		}
	}
}

// as returns x as a T, or T's zero value when x is nil (a nil interface
// sent, or nothing received).
func as[T any](x any) T {
	if x == nil {
		var zero T
		return zero
	}
	return x.(T)
}

// Close is close(ch).
func Close[T any](ch chan<- T) {
	r := Runner()
	if r == nil {
		close(ch)
		return
	}
	st, ok := stateOf(r, ch)
	if !ok {
		outside(r, "a close of a channel made by code that was not rewritten")
		close(ch)
		return
	}
	if st == nil {
		panic(runtimeError("close of nil channel"))
	}
	sched.Point(opClose, st)
	st.close()
}

// Len is len(ch).
func Len(ch any) int {
	r := Runner()
	if r == nil {
		return reflect.ValueOf(ch).Len()
	}
	st, ok := stateOf(r, ch)
	if !ok {
		outside(r, "len of a channel made by code that was not rewritten")
		return reflect.ValueOf(ch).Len()
	}
	if st == nil {
		return 0
	}
	sched.Point(opLen, st)
	return len(st.buf)
}

// Cap is cap(ch).
func Cap(ch any) int { return reflect.ValueOf(ch).Cap() }

func outside(r sched.Runner, what string) { r.Outside(what + " (at " + Site() + ")") }

// runtimeError is a panic with the message Go's runtime gives.
type runtimeError string

func (e runtimeError) Error() string { return string(e) }
func (e runtimeError) RuntimeError() {}
