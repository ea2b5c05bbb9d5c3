package session

import (
	"fmt"
	"os"
	"sync/atomic"
)

var dropHook atomic.Pointer[func(*DropError)]

// SetDropHook makes hook the function called each time an endpoint is found
// dropped before its protocol ended (the session_types crate panics then;
// a Go program finds out only when the garbage collector does). It runs in
// the runtime's cleanup goroutine, so it must not block, and after the peer
// was told: the peer's pending operation may panic with ErrPeerGone before
// the hook is called. A nil hook restores the default, which prints the
// report to standard error. It returns the previous hook (nil for the
// default).
func SetDropHook(hook func(*DropError)) (previous func(*DropError)) {
	var p *func(*DropError)
	if hook != nil {
		p = &hook
	}
	if old := dropHook.Swap(p); old != nil {
		return *old
	}
	return nil
}

func reportDrop(e *DropError) {
	if p := dropHook.Load(); p != nil {
		(*p)(e)
		return
	}
	fmt.Fprintln(os.Stderr, e.Error())
}
