package gort

import "github.com/fearlessgo/fearless/internal/sched"

// The world holds the modelled state of the objects of one run: channels,
// locks, wait groups and timers, keyed by the object. It is reset when a
// new run begins. Only the goroutine that has the explorer's turn touches
// it, and the explorer orders every hand-over of the turn, so it needs no
// lock.
var world struct {
	run  uint64
	objs map[any]any
}

// Runner returns the explorer that is running rewritten code, or nil when
// none is: then every entry point of gort does what Go does.
func Runner() sched.Runner { return sched.ActiveRunner() }

// StateOf returns the state of key in the current run, made by mk the first
// time the run asks for it.
func StateOf[S any](r sched.Runner, key any, mk func() *S) *S {
	if id := r.Run(); world.run != id || world.objs == nil {
		world.run, world.objs = id, map[any]any{}
	}
	if s, ok := world.objs[key]; ok {
		return s.(*S)
	}
	s := mk()
	world.objs[key] = s
	return s
}

// Site returns where rewritten code called into gort.
func Site() string { return sched.Site(1) }

// Caller records the few frames from Caller's caller up, among which is
// the user's, for a report to find when it asks: cheaper to take than a
// whole stack, and than a Site, which resolves it at once. The caller is
// a function of gort that the user's code calls directly or through at
// most six others of gort's (context.WithTimeout through WithDeadline, say).
func Caller() *sched.CallSite { return sched.Frames(1, 8) }

// Describe names a modelled object in reports: its kind, and how and where
// rewritten code made or first used it ("chan int (made at x.go:12)"). The
// call stack is turned into a site only here, when a report asks.
func Describe(kind, how string, site *sched.CallSite) string {
	if s := site.String(); s != "" {
		return kind + " (" + how + " " + s + ")"
	}
	return kind
}

// Block parks the calling goroutine for good: it waits on something that
// will never happen (a nil channel, an empty select). The explorer reports
// it if the run can go no further.
func Block() {
	sched.NewParker().Park()
}
