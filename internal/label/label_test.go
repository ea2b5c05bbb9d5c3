package label

import (
	"regexp"
	"sync"
	"testing"
)

type object struct{ l Label }

func newObject(track bool) *object {
	o := &object{}
	if track {
		o.l.Record(0)
	}
	return o
}

func TestDescribe(t *testing.T) {
	if got := newObject(false).l.Describe("Mutex[int]"); got != "" {
		t.Errorf("untracked, unnamed: %q, want \"\"", got)
	}
	o := newObject(true) // the site is this line
	if got := o.l.Describe("Mutex[int]"); !regexp.MustCompile(`^Mutex\[int\] made at label_test\.go:\d+$`).MatchString(got) {
		t.Errorf("tracked: %q", got)
	}
	o.l.SetName("lock_a")
	if got := o.l.Describe("Mutex[int]"); !regexp.MustCompile(`^lock_a \(Mutex\[int\] made at label_test\.go:\d+\)$`).MatchString(got) {
		t.Errorf("tracked and named: %q", got)
	}
	u := newObject(false)
	u.l.SetName("jobs")
	if got := u.l.Describe("Channel[int]"); got != "jobs (Channel[int])" {
		t.Errorf("named only: %q", got)
	}
}

func TestConcurrentNaming(t *testing.T) {
	o := newObject(true)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { o.l.SetName("x"); _ = o.l.Describe("Mutex[int]") })
	}
	wg.Wait()
}
