package sched

import (
	"testing"
	"time"
)

type clocked struct {
	recording
	now time.Time
}

func (c *clocked) Now() time.Time { return c.now }

func TestNowFollowsAModelledClock(t *testing.T) {
	if d := Since(Now()); d < 0 || d > time.Hour {
		t.Fatalf("without a scheduler, Since(Now()) = %v", d)
	}
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	c := &clocked{now: base}
	Install(c)
	defer Install(nil)
	if !Now().Equal(base) {
		t.Fatalf("Now() = %v, want the modelled %v", Now(), base)
	}
	deadline := Now().Add(time.Second)
	c.now = base.Add(400 * time.Millisecond)
	if got := Until(deadline); got != 600*time.Millisecond {
		t.Fatalf("Until = %v, want 600ms", got)
	}
	if got := Since(base); got != 400*time.Millisecond {
		t.Fatalf("Since = %v, want 400ms", got)
	}
	Install(&recording{}) // a scheduler without a clock: wall time
	if d := Since(base); d < 20*365*24*time.Hour {
		t.Fatalf("a scheduler without a clock gave modelled time: %v since 2000", d)
	}
}
