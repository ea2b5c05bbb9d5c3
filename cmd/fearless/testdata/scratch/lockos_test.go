package scratch

import (
	"runtime"
	"testing"
)

// TestLockedGoroutine locks a goroutine to its OS thread, which the
// explorer, running goroutines on its own, does not do; package runtime
// is used for nothing else here.
func TestLockedGoroutine(t *testing.T) {
	done := make(chan bool)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		runtime.Gosched()
		done <- true
	}()
	if !<-done {
		t.Fatal("no value")
	}
}
