package thread

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
)

func TestScopeBorrowsLocals(t *testing.T) {
	leak.Check(t)
	s := "Hello"
	counts := make([]int, 4)
	n := Scope(func(scope *ScopeHandle) int {
		for i := range counts {
			scope.Go(func() { counts[i] = len(s) + i })
		}
		return len(s)
	})
	if n != 5 || counts[0] != 5 || counts[3] != 8 {
		t.Fatalf("Scope returned %d, counts %v", n, counts)
	}
}

func TestScopedSpawnJoin(t *testing.T) {
	leak.Check(t)
	got := Scope(func(s *ScopeHandle) int {
		a := ScopedSpawn(s, func() int { return 20 })
		b := ScopedSpawn(s, func() int { return 22 })
		x, _ := a.Join()
		y, _ := b.Join()
		return x + y
	})
	if got != 42 {
		t.Fatalf("got %d", got)
	}
}

func TestScopeWaitsForEveryThread(t *testing.T) {
	leak.Check(t)
	var ended atomic.Int64
	release := make(chan struct{})
	Scope(func(s *ScopeHandle) struct{} {
		for range 8 {
			s.Go(func() { <-release; ended.Add(1) })
		}
		// Threads may spawn more threads into the same scope.
		s.Go(func() {
			<-release
			s.Go(func() { ended.Add(1) })
			ended.Add(1)
		})
		close(release)
		return struct{}{}
	})
	if got := ended.Load(); got != 10 {
		t.Fatalf("%d threads ended before Scope returned, want 10", got)
	}
}

func TestNestedScopes(t *testing.T) {
	leak.Check(t)
	var total atomic.Int64
	Scope(func(outer *ScopeHandle) struct{} {
		for i := range 4 {
			outer.Go(func() {
				Scope(func(inner *ScopeHandle) struct{} {
					for j := range 4 {
						inner.Go(func() {
							Scope(func(innermost *ScopeHandle) struct{} {
								innermost.Go(func() { total.Add(int64(i*4 + j)) })
								return struct{}{}
							})
						})
					}
					return struct{}{}
				})
			})
		}
		return struct{}{}
	})
	if got := total.Load(); got != 120 {
		t.Fatalf("total = %d, want 120", got)
	}
}

func TestScopePanicsForUnjoinedPanic(t *testing.T) {
	leak.Check(t)
	var waited atomic.Bool
	defer func() {
		r := recover()
		pe, ok := r.(*PanicError)
		if !ok || pe.Value != "in thread" || !waited.Load() {
			t.Fatalf("recovered %v (waited %v), want the thread's *PanicError after waiting", r, waited.Load())
		}
	}()
	Scope(func(s *ScopeHandle) int {
		s.Go(func() { panic("in thread") })
		s.Go(func() { waited.Store(true) })
		return 0
	})
	t.Fatal("Scope returned normally")
}

func TestScopeJoinedPanicDoesNotPanic(t *testing.T) {
	leak.Check(t)
	err := Scope(func(s *ScopeHandle) error {
		_, err := s.Go(func() { panic("handled") }).Join()
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "handled") {
		t.Fatalf("err = %v", err)
	}
}

func TestScopeWaitsThenRepanicsWithFsPanic(t *testing.T) {
	leak.Check(t)
	var ended atomic.Bool
	release := make(chan struct{})
	defer func() {
		if r := recover(); r != "in f" || !ended.Load() {
			t.Fatalf("recovered %v (thread ended: %v), want f's panic after the thread ended", r, ended.Load())
		}
	}()
	Scope(func(s *ScopeHandle) int {
		s.Go(func() { <-release; ended.Store(true) })
		s.Go(func() { panic("also in a thread") })
		close(release)
		panic("in f")
	})
}

func TestScopeHandleAfterScopeReturned(t *testing.T) {
	leak.Check(t)
	var escaped *ScopeHandle
	Scope(func(s *ScopeHandle) int { escaped = s; return 0 })
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "after its Scope returned") {
			t.Fatalf("recovered %v", r)
		}
	}()
	escaped.Go(func() {})
}

func TestScopedThreadCurrent(t *testing.T) {
	leak.Check(t)
	Scope(func(s *ScopeHandle) int {
		h, err := ScopedSpawnWith(s, NewBuilder().Name("scoped"), Current)
		if err != nil {
			t.Error(err)
			return 0
		}
		if cur, _ := h.Join(); cur != h.Thread() || cur.Name() != "scoped" {
			t.Errorf("Current() = %v", cur)
		}
		return 0
	})
}

func TestScopeGoexitError(t *testing.T) {
	leak.Check(t)
	err := Scope(func(s *ScopeHandle) error {
		_, err := s.Go(func() { panicOrExit(false) }).Join()
		return err
	})
	if !errors.Is(err, ErrGoexit) {
		t.Fatalf("err = %v", err)
	}
}
