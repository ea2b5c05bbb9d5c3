package sched

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestUnparkBeforeParkReturnsAtOnce(t *testing.T) {
	p := NewParker()
	p.Unpark()
	p.Unpark() // tokens do not accumulate
	p.Park()
	if p.TryPark() {
		t.Fatal("two Unparks left two tokens")
	}
}

func TestParkWaitsForUnpark(t *testing.T) {
	p := NewParker()
	done := make(chan struct{})
	go func() { p.Park(); close(done) }()
	p.Unpark()
	<-done
}

func TestParkTimeout(t *testing.T) {
	p := NewParker()
	if p.ParkTimeout(time.Millisecond) {
		t.Fatal("ParkTimeout took a token nobody left")
	}
	p.Unpark()
	if !p.ParkTimeout(time.Hour) {
		t.Fatal("ParkTimeout missed the token")
	}
}

func TestParkContextCancelled(t *testing.T) {
	p := NewParker()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.ParkContext(ctx, 0); !errors.Is(err, context.Canceled) {
		t.Fatalf("ParkContext = %v, want context.Canceled", err)
	}
	if err := p.ParkContext(context.Background(), time.Millisecond); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("ParkContext = %v, want context.DeadlineExceeded", err)
	}
}

type recording struct {
	points []Op
	spawns int
}

func (r *recording) Point(op Op, _ any) { r.points = append(r.points, op) }
func (r *recording) Go(f func())        { r.spawns++; f() }
func (r *recording) Park(*Parker, context.Context, time.Duration) error {
	return nil
}
func (r *recording) Unpark(*Parker) {}

func TestInstallRoutesThroughScheduler(t *testing.T) {
	r := &recording{}
	if prev := Install(r); prev != nil {
		t.Fatalf("a scheduler was installed already: %v", prev)
	}
	Point("lock", nil)
	ran := false
	Go(func() { ran = true })
	NewParker().Park() // would block forever without the scheduler
	if prev := Install(nil); prev != r {
		t.Fatal("Install(nil) did not return the installed scheduler")
	}
	if len(r.points) != 1 || r.points[0] != "lock" || r.spawns != 1 || !ran {
		t.Fatalf("scheduler saw points %v and %d spawns", r.points, r.spawns)
	}
	if Active() != nil {
		t.Fatal("Active() after Install(nil) is not nil")
	}
}

func TestOnInstallIsToldBeforeInstallAndAfterRemoval(t *testing.T) {
	var seen []string
	hooks = append(hooks[:len(hooks):len(hooks)], func(on bool) {
		seen = append(seen, fmt.Sprintf("%v/installed=%v", on, Installed()))
	})
	defer func() { hooks = hooks[:len(hooks)-1] }()
	Install(&recording{})
	Install(nil)
	want := []string{"true/installed=false", "false/installed=false"}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Fatalf("hooks saw %v, want %v", seen, want)
	}
}
