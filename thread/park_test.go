package thread

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
)

func panicOrExit(panics bool) {
	if panics {
		panic("panicOrExit")
	}
	runtime.Goexit()
}

func TestUnparkBeforePark(t *testing.T) {
	leak.Check(t)
	h := Spawn(func() bool {
		Current().Unpark()
		Park() // the token is there: returns at once
		return true
	})
	if ok, _ := h.Join(); !ok {
		t.Fatal("Park did not return")
	}
}

func TestParkWaitsForUnpark(t *testing.T) {
	leak.Check(t)
	var flag atomic.Bool
	h := Go(func() {
		for !flag.Load() {
			Park()
		}
	})
	flag.Store(true)
	h.Thread().Unpark()
	if _, err := h.Join(); err != nil {
		t.Fatal(err)
	}
}

func TestParkTimeoutReturns(t *testing.T) {
	leak.Check(t)
	h := Go(func() { ParkTimeout(time.Millisecond) })
	if _, err := h.Join(); err != nil {
		t.Fatal(err)
	}
}

func TestSleepAndYield(t *testing.T) {
	start := time.Now()
	Sleep(time.Millisecond)
	YieldNow()
	if time.Since(start) < time.Millisecond {
		t.Fatal("Sleep returned early")
	}
}
