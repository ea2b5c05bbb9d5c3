package gort

import (
	"reflect"

	"github.com/fearlessgo/fearless/internal/sched"
)

// A Case is one case of a select, as the rewriter builds it: Case of a
// Receiver, or Case(v) of a Sender.
type Case struct {
	ch   any
	send bool
	val  any
}

// Case is the case <-ch of a select.
func (c Receiver[T]) Case() Case { return Case{ch: c.ch} }

// Case is the case ch <- v of a select.
func (c Sender[T]) Case(v T) Case { return Case{ch: c.ch, send: true, val: v} }

// Selected is what a select chose: the index of its case (-1 for default)
// and, for a receive, what it received.
type Selected struct {
	Index int
	val   any
	ok    bool
}

// Value returns what the chosen receive case of s got from c: the value and
// whether it was sent (false: the channel is closed).
func Value[T any](c Receiver[T], s Selected) (T, bool) { return as[T](s.val), s.ok }

// Select is a select statement over cases, with a default clause if
// hasDefault. When several cases are ready, which one runs is a decision of
// the explorer's schedule (Go picks one at random).
func Select(hasDefault bool, cases ...Case) Selected {
	r := Runner()
	if r == nil {
		return nativeSelect(hasDefault, cases)
	}
	states := make([]*chanState, len(cases))
	var first *chanState // named at the switch point; the others are touched
	live := 0
	for i, c := range cases {
		st, ok := stateOf(r, c.ch)
		if !ok {
			outside(r, "a select on a channel made by code that was not rewritten")
			return nativeSelect(hasDefault, cases)
		}
		states[i] = st
		if st != nil {
			live++
			if first == nil {
				first = st
			}
		}
	}
	if live == 0 {
		sched.Point(opSelect, nilChan{})
		if !hasDefault {
			Block()
		}
		return Selected{Index: -1}
	}
	sched.Point(opSelect, first)
	for _, st := range states {
		if st != nil && st != first {
			r.Touch(st) // the select reads every channel it names
		}
	}
	var ready []int
	for i, st := range states {
		if st != nil && ((cases[i].send && st.canSend()) || (!cases[i].send && st.canRecv())) {
			ready = append(ready, i)
		}
	}
	if len(ready) > 0 {
		i := ready[r.Choose(len(ready))]
		if cases[i].send {
			states[i].send(cases[i].val)
			return Selected{Index: i}
		}
		v, ok := states[i].recv()
		return Selected{Index: i, val: v, ok: ok}
	}
	if hasDefault {
		return Selected{Index: -1}
	}
	ch := &choice{}
	p := sched.NewParker() // one goroutine waits in every case
	ws := make([]*Waiter, len(cases))
	for i, st := range states {
		if st == nil {
			continue
		}
		w := &Waiter{p: p, choice: ch, index: i}
		ws[i] = w
		if cases[i].send {
			w.Value = cases[i].val
			st.sendq.Push(w)
		} else {
			st.recvq.Push(w)
		}
	}
	p.ParkHandedOver() // the waker decides the choice and fills the waiter
	i := ch.index
	w := ws[i]
	if cases[i].send && w.Closed {
		panic(runtimeError("send on closed channel"))
	}
	return Selected{Index: i, val: w.Value, ok: w.OK}
}

// nativeSelect runs the select with Go's own channels.
func nativeSelect(hasDefault bool, cases []Case) Selected {
	rc := make([]reflect.SelectCase, 0, len(cases)+1)
	for _, c := range cases {
		sc := reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c.ch)}
		if c.send {
			sc.Dir = reflect.SelectSend
			sc.Send = reflect.ValueOf(c.val)
			if c.val == nil {
				sc.Send = reflect.Zero(sc.Chan.Type().Elem())
			}
		}
		rc = append(rc, sc)
	}
	if hasDefault {
		rc = append(rc, reflect.SelectCase{Dir: reflect.SelectDefault})
	}
	i, v, ok := reflect.Select(rc)
	if i == len(cases) {
		return Selected{Index: -1}
	}
	s := Selected{Index: i, ok: ok}
	if !cases[i].send && ok {
		s.val = v.Interface()
	}
	return s
}

// Got returns what the chosen receive case of s got from c (the zero value
// if the channel is closed).
func Got[T any](c Receiver[T], s Selected) T { return as[T](s.val) }
