package gort

import "github.com/fearlessgo/fearless/internal/sched"

// Bubbles: testing/synctest's, under the explorer. A bubble is the
// goroutine synctest.Test starts and every goroutine started from it, at
// any depth; Test waits for all of them to end. Time is the explorer's
// modelled time everywhere, so a bubble needs no clock of its own.

// A Bubble is the goroutines of one synctest.Test call in one run.
type Bubble struct {
	live   int     // goroutines of the bubble that have not ended
	waiter *Waiter // Test's, parked until live is 0
	site   *sched.CallSite
}

// SchedLabel names the bubble in reports.
func (b *Bubble) SchedLabel() string {
	return Describe("the goroutines of the bubble", "started at", b.site)
}

// bubbles maps the goroutines of a run (by the explorer's id) to their
// bubble.
type bubbles struct{ of map[int]*Bubble }

type bubblesKey struct{}

// bubbleRun is the run in which a bubble was last made: a go statement in
// any other run needs no look at bubbles.
var bubbleRun uint64

func bubblesOf(r sched.Runner) map[int]*Bubble {
	bubbleRun = r.Run()
	return StateOf(r, bubblesKey{}, func() *bubbles { return &bubbles{of: map[int]*Bubble{}} }).of
}

// CurrentBubble returns the bubble of the calling goroutine, or nil.
func CurrentBubble(r sched.Runner) *Bubble {
	if bubbleRun != r.Run() {
		return nil
	}
	return bubblesOf(r)[r.Current()]
}

// GoIn starts f as a goroutine of bubble b (a new bubble if b is nil) and
// returns the bubble.
func GoIn(r sched.Runner, b *Bubble, f func()) *Bubble {
	return goIn(r, b, f, sched.Near(1))
}

func goIn(r sched.Runner, b *Bubble, f func(), site *sched.CallSite) *Bubble {
	if b == nil {
		b = &Bubble{site: site}
	}
	bs := bubblesOf(r)
	b.live++
	sched.GoFrom(func() {
		bs[r.Current()] = b
		defer b.exit()
		f()
	}, site)
	return b
}

func (b *Bubble) exit() {
	b.live--
	if b.live == 0 && b.waiter != nil {
		w := b.waiter
		b.waiter = nil
		w.Wake()
	}
}

// Wait blocks until every goroutine of b has ended.
func (b *Bubble) Wait() {
	if b.live == 0 {
		return
	}
	b.waiter = NewWaiter()
	sched.Point("synctest.Test", b)
	b.waiter.Park()
}
