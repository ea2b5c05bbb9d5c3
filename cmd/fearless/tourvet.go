package main

import (
	"fmt"
	"io"
)

// vetSays is what fearless vet reports on the tour's programs that make a
// mistake on purpose, before they run. Their //fearless:allow comments keep
// the repository's own vet run quiet; -showallowed shows the reports, and
// TestTourVetNotes checks these lines against the analyzers.
var vetSays = map[string]struct {
	intro string
	lines []string
}{
	"forgot-drop":         {"fearless vet, on the same mistake written as `for range rx.Iter()` (explore-forgot-drop):", forgotDropVet},
	"explore-forgot-drop": {"fearless vet, before it runs:", forgotDropVet},
	"deadlock": {"fearless vet, before it runs:", []string{
		"deadlock.go:62:11: lock order: lb.Value() is taken here while la.Value() is held, but la.Value() is taken while lb.Value() is held at line 73, so the two orders can deadlock; take these locks in one order everywhere",
		"deadlock.go:73:11: lock order: la.Value() is taken here while lb.Value() is held, but lb.Value() is taken while la.Value() is held at line 62, so the two orders can deadlock; take these locks in one order everywhere",
	}},
	"explore-deadlock": {"fearless vet, before it runs:", []string{
		"deadlock.go:26:11: lock order: lockB is taken here while lockA is held, but lockA is taken while lockB is held at line 32, so the two orders can deadlock; take these locks in one order everywhere",
		"deadlock.go:32:11: lock order: lockA is taken here while lockB is held, but lockB is taken while lockA is held at line 26, so the two orders can deadlock; take these locks in one order everywhere",
	}},
}

var forgotDropVet = []string{
	"forgotdrop.go:30:2: this loop over rx ends only when every sender of its channel is closed, but tx, made at line 21, is still open here (its deferred Close runs only after the loop); close tx before the loop, as Rust's drop(tx)",
}

// vetNotes prints what fearless vet says about the example, if anything.
func vetNotes(w io.Writer, name string) {
	n, ok := vetSays[name]
	if !ok {
		return
	}
	fmt.Fprintln(w, n.intro)
	for _, l := range n.lines {
		fmt.Fprintf(w, "  %s\n", l)
	}
}
