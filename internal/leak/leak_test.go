package leak

import (
	"testing"
)

type recorder struct {
	testing.TB
	cleanups []func()
	failed   bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Cleanup(f func())      { r.cleanups = append(r.cleanups, f) }
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) run() {
	for _, f := range r.cleanups {
		f()
	}
}

func TestCheckPassesWhenGoroutinesExit(t *testing.T) {
	r := &recorder{TB: t}
	Check(r)
	done := make(chan struct{})
	go func() { <-done }()
	close(done)
	r.run()
	if r.failed {
		t.Fatal("Check failed although the goroutine exited")
	}
}

func TestSinceFindsBlockedGoroutine(t *testing.T) {
	before := snapshot()
	stop := make(chan struct{})
	started := make(chan struct{})
	go func() { close(started); <-stop }()
	<-started
	if got := since(before); len(got) != 1 {
		t.Fatalf("since() found %d goroutines, want 1: %q", len(got), got)
	}
	close(stop)
}
