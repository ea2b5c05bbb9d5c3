package natsch_test

import (
	"errors"
	"testing"
)

// spawn runs f on a new goroutine; join waits for it and returns what it
// panicked with, or nil.
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

func joinAll(t testing.TB, joins ...func() any) {
	t.Helper()
	for _, join := range joins {
		if p := join(); p != nil {
			t.Fatalf("goroutine panicked: %v", p)
		}
	}
}

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
