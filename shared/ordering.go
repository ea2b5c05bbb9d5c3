package shared

import (
	"fmt"
	"sync/atomic"

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

// The orderings each kind of operation accepts. Rust panics on the others
// ("there is no such thing as a release load"), and so do we.
const (
	loadOrderings  orderings = 1<<Relaxed | 1<<Acquire | 1<<SeqCst
	storeOrderings orderings = 1<<Relaxed | 1<<Release | 1<<SeqCst
	rmwOrderings   orderings = 1<<Relaxed | 1<<Release | 1<<Acquire | 1<<AcqRel | 1<<SeqCst
)

// orderings is a set of Orderings, one bit each.
type orderings uint

// has reports whether o is in s; out-of-range values are in no set. With a
// constant o, as in a.Load(Acquire), it folds away.
func (s orderings) has(o Ordering) bool { return s>>uint(o)&1 != 0 }

// fast reports whether an atomic operation with ordering o may be the
// plain sync/atomic one; word is the kind's word in fastpath.go.
func fast(word *uint32, o Ordering) bool { return atomic.LoadUint32(word)>>uint(o)&1 != 0 }

func checkOrdering(typ, op string, o Ordering, ok orderings) {
	if !ok.has(o) {
		panic(fmt.Sprintf("shared: %s.%s with ordering %v: not allowed for a %s; use %s",
			typ, op, o, opKind(op), ok))
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

// String lists the orderings of s, as "Relaxed, Acquire, SeqCst".
func (s orderings) String() string {
	list := ""
	for o := Relaxed; o <= SeqCst; o++ {
		if s.has(o) {
			if list != "" {
				list += ", "
			}
			list += o.String()
		}
	}
	return list
}

// checkFailure checks a compare-exchange's failure ordering, which is a
// load's: it cannot be Release or AcqRel.
func checkFailure(typ string, o Ordering) {
	if !loadOrderings.has(o) {
		panic(fmt.Sprintf("shared: %s.CompareExchange with failure ordering %v: the failure is a load; use Relaxed, Acquire or SeqCst", typ, o))
	}
}
