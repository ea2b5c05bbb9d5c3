package thread

import (
	"fmt"
	"strings"
	"testing"
)

// panicMessage runs f and returns what it panicked with, as text, or ""
// when it returned.
func panicMessage(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

// Each misuse panics at once, on the caller, with a message that names the
// package, the call and the fix; the zero values that are documented as
// usable are.
func TestMisusePanicsAtOnce(t *testing.T) {
	noScope := func(f func(s *ScopeHandle)) func() {
		return func() { Scope(func(s *ScopeHandle) int { f(s); return 0 }) }
	}
	for _, c := range []struct {
		name string
		f    func()
		want string // "" when the call is fine
	}{
		{"Spawn(nil)", func() { Spawn[int](nil) }, "thread: Spawn: the function is nil; pass"},
		{"Go(nil)", func() { Go(nil) }, "thread: Go: the function is nil; pass"},
		{"SpawnWith(nil)", func() { SpawnWith[int](NewBuilder(), nil) }, "thread: SpawnWith: the function is nil"},
		{"Task(nil)", func() { Task[int](nil) }, "thread: Task: the function is nil"},
		{"TaskWithCancel(nil)", func() { TaskWithCancel[int](nil) }, "thread: TaskWithCancel: the function is nil"},
		{"Scope(nil)", func() { Scope[int](nil) }, "thread: Scope: the function is nil; pass"},
		{"ScopeHandle.Go(nil)", noScope(func(s *ScopeHandle) { s.Go(nil) }), "thread: ScopeHandle.Go: the function is nil"},
		{"ScopedSpawn(s, nil)", noScope(func(s *ScopeHandle) { ScopedSpawn[int](s, nil) }), "thread: ScopedSpawn: the function is nil"},
		{"ScopedSpawnWith(s, b, nil)", noScope(func(s *ScopeHandle) { ScopedSpawnWith[int](s, Builder{}, nil) }), "thread: ScopedSpawnWith: the function is nil"},
		{"ScopedSpawn(nil, f)", func() { ScopedSpawn(nil, func() int { return 0 }) }, "thread: ScopeHandle: the handle is nil or a zero value; spawn scoped threads through the handle that Scope passes"},
		{"zero ScopeHandle.Go", func() { new(ScopeHandle).Go(func() {}) }, "thread: ScopeHandle: the handle is nil or a zero value"},
		{"zero JoinHandle.Join", func() { new(JoinHandle[int]).Join() }, "thread: JoinHandle.Join: the handle is nil or a zero value; use the handle that Spawn"},
		{"nil JoinHandle.Join", func() { (*JoinHandle[int])(nil).Join() }, "thread: JoinHandle.Join: the handle is nil"},
		{"zero JoinHandle.Done", func() { new(JoinHandle[int]).Done() }, "thread: JoinHandle.Done: the handle is nil"},
		{"zero JoinHandle.IsFinished", func() { new(JoinHandle[int]).IsFinished() }, "thread: JoinHandle.IsFinished: the handle is nil"},
		{"zero JoinHandle.Thread", func() { new(JoinHandle[int]).Thread() }, "thread: JoinHandle.Thread: the handle is nil"},
		{"zero ScopedJoinHandle.Join", func() { new(ScopedJoinHandle[int]).Join() }, "thread: ScopedJoinHandle.Join: the handle is nil or a zero value"},
		{"nil ScopedJoinHandle.Join", func() { (*ScopedJoinHandle[int])(nil).Join() }, "thread: ScopedJoinHandle.Join: the handle is nil"},
		// Usable zero values.
		{"zero Builder", func() {
			h, err := SpawnWith(Builder{}, func() int { return 1 })
			if err != nil {
				panic(err)
			}
			h.Join()
		}, ""},
		{"zero Thread", func() { var th Thread; _, _, _ = th.Name(), th.ID(), th.String() }, ""},
		{"zero PanicError", func() { var e PanicError; _, _ = e.Error(), e.Unwrap() }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := panicMessage(c.f)
			if c.want == "" {
				if got != "" {
					t.Fatalf("panicked with %q; want no panic", got)
				}
				return
			}
			if !strings.HasPrefix(got, c.want) {
				t.Fatalf("panicked with %q; want a message starting %q", got, c.want)
			}
		})
	}
}
