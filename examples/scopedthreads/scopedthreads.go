// Package scopedthreads lets threads use a local variable of the function
// that starts them. Rust rejects a plain thread::spawn that borrows a local
// (the thread may outlive it); thread::scope is the fix, and thread.Scope is
// the same here: it returns only after its threads have ended.
package scopedthreads

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/thread"
)

// Run reads a local string from a scoped thread.
func Run(w io.Writer) {
	s := "Hello"
	thread.Scope(func(scope *thread.ScopeHandle) struct{} {
		scope.Go(func() {
			fmt.Fprintf(w, "Length: %d\n", len(s))
		})
		return struct{}{}
	})
	fmt.Fprintf(w, "s is still ours after the scope: %q\n", s)
}
