package panics

import (
	"bytes"
	"errors"
	"runtime"
	"testing"
)

func TestReturnEndsWithNil(t *testing.T) {
	ran, ended := false, false
	Run(func() { ran = true }, func(p *Panic) {
		if p != nil {
			t.Errorf("end got %+v for a function that returned", p)
		}
		ended = true
	})
	if !ran || !ended {
		t.Fatalf("ran = %v, ended = %v", ran, ended)
	}
}

//go:noinline
func boom() { panic("boom") }

func TestPanicIsCaughtWithItsStack(t *testing.T) {
	var got *Panic
	Run(boom, func(p *Panic) { got = p })
	if got == nil || got.Value != "boom" || got.Goexit() {
		t.Fatalf("end got %+v, want the panic boom", got)
	}
	if !bytes.Contains(got.Stack, []byte("panics.boom(")) {
		t.Fatalf("the stack does not show where f panicked:\n%s", got.Stack)
	}
}

type unwind struct{}

func (unwind) Unwinding() {}

func TestUnwindingHasNoStack(t *testing.T) {
	var got *Panic
	Run(func() { panic(unwind{}) }, func(p *Panic) { got = p })
	if got == nil || got.Value != (unwind{}) || got.Stack != nil || got.Goexit() {
		t.Fatalf("end got %+v, want the unwinding value without a stack", got)
	}
}

func TestPanicNilIsAPanic(t *testing.T) {
	var got *Panic
	Run(func() { panic(nil) }, func(p *Panic) { got = p })
	var pn *runtime.PanicNilError
	if got == nil || got.Goexit() || !errors.As(got.Value.(error), &pn) {
		t.Fatalf("end got %+v, want a *runtime.PanicNilError", got)
	}
}

func TestPanicWithErrGoexitIsNotGoexit(t *testing.T) {
	var got *Panic
	Run(func() { panic(ErrGoexit) }, func(p *Panic) { got = p })
	if got == nil || got.Goexit() {
		t.Fatalf("end got %+v: a panic whose value is ErrGoexit counts as Goexit", got)
	}
}

func TestGoexitIsItsOwnCaseAndGoesOn(t *testing.T) {
	var got *Panic
	returned := false
	done := make(chan struct{})
	go func() {
		defer close(done)
		Run(runtime.Goexit, func(p *Panic) { got = p })
		returned = true
	}()
	<-done
	if got == nil || !got.Goexit() || got.Value != ErrGoexit {
		t.Fatalf("end got %+v, want Goexit", got)
	}
	if returned {
		t.Fatal("Run returned after runtime.Goexit")
	}
}

func TestPanicInEndIsNotCaught(t *testing.T) {
	defer func() {
		if r := recover(); r != "from end" {
			t.Fatalf("recovered %v, want the panic of end", r)
		}
	}()
	Run(func() {}, func(*Panic) { panic("from end") })
	t.Fatal("Run returned")
}

func BenchmarkRun(b *testing.B) {
	n := 0
	for b.Loop() {
		Run(func() { n++ }, func(*Panic) {})
	}
}
