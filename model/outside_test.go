package model_test

import (
	"strings"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// A thread blocked on a plain Go channel is reported as outside the
// explorer, instead of hanging the search or being killed by Go's deadlock
// detector.
func TestBlockedOnPlainChannelIsOutside(t *testing.T) {
	release := make(chan struct{})
	r := model.Explore(func() { <-release }, model.StallTimeout(100*time.Millisecond))
	close(release)
	if r.Failure == nil || r.Failure.Kind != model.KindOutside || r.Exhaustive {
		t.Fatalf("got %+v, want a failure of kind outside, not exhaustive", r)
	}
	if !strings.Contains(r.Failure.Report, "code the explorer does not control") || !strings.Contains(r.Failure.Report, "outside_test.go:") {
		t.Errorf("the report does not say what and where:\n%s", r.Failure.Report)
	}
}

// A goroutine started with a plain go statement that uses a fearless type
// is reported, not scheduled as if it were the explorer's.
func TestPlainGoroutineIsOutside(t *testing.T) {
	release := make(chan struct{})
	r := model.Explore(func() {
		m := shared.NewMutex(0)
		done := make(chan struct{})
		go func() {
			for range 1000 {
				m.With(func(v *int) { *v++ })
			}
			close(done)
		}()
		select {
		case <-done:
		case <-release:
		}
	}, model.StallTimeout(2*time.Second)) // wide: the plain goroutine must be caught before the stall is
	close(release)
	if r.Failure == nil || r.Failure.Kind != model.KindOutside {
		t.Fatalf("got %+v, want a failure of kind outside", r)
	}
	if !strings.Contains(r.Failure.Report, "did not start") {
		t.Errorf("the report does not say the goroutine is not the explorer's:\n%s", r.Failure.Report)
	}
}

// Making a report is the explorer's own work: however long it takes, the
// stall watch does not take it for a thread blocked outside the explorer,
// whose unwinding would change the threads the report describes.
func TestSlowReportIsNotAStall(t *testing.T) {
	const stall = 50 * time.Millisecond
	defer model.SetReportHook(func() {
		// Far longer than the stall timeout: the report is slow, not stuck.
		for start := time.Now(); time.Since(start) < 6*stall; {
			time.Sleep(stall / 5)
		}
	})()
	r := model.Explore(func() {
		m := shared.NewMutex(0)
		g, _ := m.Lock()
		h := thread.Go(func() {
			g2, _ := m.Lock()
			g2.Unlock()
		})
		h.Join() // holds m: a deadlock
		g.Unlock()
	}, model.StallTimeout(stall))
	if r.Failure == nil || r.Failure.Kind != model.KindDeadlock {
		t.Fatalf("got %+v, want a deadlock", r.Failure)
	}
	if strings.Contains(r.Failure.Report, "has ended") || strings.Count(r.Failure.Report, " waits ") != 2 {
		t.Errorf("the report does not show both threads waiting:\n%s", r.Failure.Report)
	}
}
