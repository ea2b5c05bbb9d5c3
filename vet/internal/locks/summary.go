package locks

import (
	"fmt"
	"sort"
)

// An Effect is what a function does to one lock that its caller can name:
// one reached from a parameter (Param is its index in flow.Func.Params, the
// receiver first) or a package variable (Param is -1 and Sel its whole
// key).
type Effect struct {
	Param int
	Sel   string // the path after the parameter: ".mu"
	Mode  string // "r" for a read lock
	Class string
	Guard bool // the parameter is a fearless guard
}

// A Summary is what calling a function does to its caller's locks.
type Summary struct {
	Releases []Effect // locks it releases that it did not take: an unlock helper
	Acquires []Effect // locks it takes and returns holding: a lock helper
	Takes    []string // lock classes it takes while it runs, through its own calls too
	Locks    []Effect // the caller's locks it takes while it runs (a second Lock deadlocks)
}

// AFact makes a Summary a fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	return fmt.Sprintf("locks(releases %v, acquires %v, takes %v, locks %v)", s.Releases, s.Acquires, s.Takes, s.Locks)
}

func (s *Summary) empty() bool {
	return len(s.Releases) == 0 && len(s.Acquires) == 0 && len(s.Takes) == 0 && len(s.Locks) == 0
}

func (s *Summary) equal(o *Summary) bool { return s.String() == o.String() }

func uniqEffects(es []Effect) []Effect {
	seen := map[Effect]bool{}
	var out []Effect
	for _, e := range es {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
	return out
}

func uniqStrings(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
