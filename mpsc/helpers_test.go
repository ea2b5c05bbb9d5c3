package mpsc_test

import (
	"errors"
	"runtime"
	"testing"
	"time"
)

// spawn runs f on a new goroutine, as Rust's thread::spawn. join waits for
// it and returns what it panicked with, or nil.
func spawn(f func()) (join func() any) {
	done := make(chan any, 1)
	go func() {
		panicked := true
		defer func() {
			if panicked {
				done <- recover()
			}
		}()
		f()
		panicked = false
		done <- nil
	}()
	var result any
	joined := false
	return func() any {
		if !joined {
			result, joined = <-done, true
		}
		return result
	}
}

// joinAll joins every handle and fails the test for any panic.
func joinAll(t testing.TB, joins ...func() any) {
	t.Helper()
	for _, join := range joins {
		if p := join(); p != nil {
			t.Fatalf("goroutine panicked: %v", p)
		}
	}
}

// check panics on an unexpected error: inside goroutines a panic is what
// join reports, as Rust's unwrap does.
func check(err error) {
	if err != nil {
		panic(err)
	}
}

func get[T any](v T, err error) T {
	check(err)
	return v
}

func wantErr(t testing.TB, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
}

func wantValue[T comparable](t testing.TB, got T, err error, want T) {
	t.Helper()
	if err != nil {
		t.Fatalf("err = %v, want value %v", err, want)
	}
	if got != want {
		t.Fatalf("got %v, want %v", got, want)
	}
}

// eventually runs the garbage collector until cond holds, failing after a
// deadline far longer than a correct program needs.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: still not so after 20s of garbage collection", what)
		}
		runtime.GC()
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
}
