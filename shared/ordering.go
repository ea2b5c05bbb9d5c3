package shared

import (
	"fmt"

	"github.com/fearlessgo/fearless/internal/sched"
)

// An Ordering is a memory ordering of an atomic operation, as in Rust's
// std::sync::atomic::Ordering.
//
// In a normal build every ordering is as strong as sync/atomic, which is
// sequentially consistent: a correct strengthening of each. While the
// schedule explorer runs, the orderings get their weaker meaning, so that
// code which relies on more than it asks for (a Relaxed load where it needs
// Acquire) can be caught.
type Ordering int

// The orderings, weakest first. Their numbers are the ones the schedule
// explorer's memory model uses.
const (
	Relaxed Ordering = iota // atomicity only: no ordering with other memory
	Release                 // for stores: earlier writes are visible to an Acquire load that sees this store
	Acquire                 // for loads: later reads see what was written before the Release store it read from
	AcqRel                  // for read-modify-writes: both Acquire and Release
	SeqCst                  // AcqRel, and one total order of all SeqCst operations
)

// The explorer's numbering must match, checked at compile time: a nonzero
// difference indexes past the one-element array.
var _ = [1]struct{}{}[int(Relaxed)-sched.Relaxed]
var _ = [1]struct{}{}[int(Release)-sched.Release]
var _ = [1]struct{}{}[int(Acquire)-sched.Acquire]
var _ = [1]struct{}{}[int(AcqRel)-sched.AcqRel]
var _ = [1]struct{}{}[int(SeqCst)-sched.SeqCst]

// String returns the ordering's Rust name, as "SeqCst".
func (o Ordering) String() string {
	switch o {
	case Relaxed:
		return "Relaxed"
	case Release:
		return "Release"
	case Acquire:
		return "Acquire"
	case AcqRel:
		return "AcqRel"
	case SeqCst:
		return "SeqCst"
	}
	return fmt.Sprintf("Ordering(%d)", int(o))
}

// Which orderings each kind of operation accepts. Rust panics on the
// others ("there is no such thing as a release load"), and so do we.
func validLoad(o Ordering) bool  { return o == Relaxed || o == Acquire || o == SeqCst }
func validStore(o Ordering) bool { return o == Relaxed || o == Release || o == SeqCst }
func validRMW(o Ordering) bool   { return o >= Relaxed && o <= SeqCst }

func checkOrdering(typ, op string, o Ordering, valid func(Ordering) bool) {
	if !valid(o) {
		panic(fmt.Sprintf("shared: %s.%s with ordering %v: not allowed for a %s; use %s",
			typ, op, o, opKind(op), allowed(valid)))
	}
}

func opKind(op string) string {
	switch op {
	case "Load":
		return "load"
	case "Store":
		return "store"
	}
	return "read-modify-write"
}

func allowed(valid func(Ordering) bool) string {
	s := ""
	for o := Relaxed; o <= SeqCst; o++ {
		if valid(o) {
			if s != "" {
				s += ", "
			}
			s += o.String()
		}
	}
	return s
}

// checkFailure checks a compare-exchange's failure ordering, which is a
// load's: it cannot be Release or AcqRel.
func checkFailure(typ string, o Ordering) {
	if !validLoad(o) {
		panic(fmt.Sprintf("shared: %s.CompareExchange with failure ordering %v: the failure is a load; use Relaxed, Acquire or SeqCst", typ, o))
	}
}
