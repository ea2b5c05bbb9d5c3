// Package sync is the drop-in package sync of Go code rewritten by fearless
// test: the same types and functions, which do what package sync does while
// no schedule explorer runs, and are modelled by the explorer while it runs
// (every Lock, Unlock, Add, Wait, Do, Signal is a point where another
// goroutine may run, and every wait parks in the explorer).
package sync

import (
	stdsync "sync"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

// Locker is sync.Locker.
type Locker = stdsync.Locker

// state returns the state of obj in the current run, labelled with its kind
// and where the run first used it.
func state[S any](r sched.Runner, obj any, mk func(site *sched.CallSite) *S) *S {
	return gort.StateOf(r, obj, func() *S { return mk(sched.Near(3)) }) // from the method the user called
}

// labelled is embedded in each modelled state: how reports name the object.
type labelled struct {
	kind string
	site *sched.CallSite
}

func (l *labelled) SchedLabel() string { return gort.Describe(l.kind, "first used at", l.site) }

func named(kind string, site *sched.CallSite) labelled { return labelled{kind, site} }
