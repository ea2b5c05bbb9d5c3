package shared

import (
	"testing"

	"github.com/fearlessgo/fearless/thread"
)

// catch runs f and returns what it panicked with, or nil.
func catch(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// quietPanics keeps the panics that tests cause on purpose in spawned
// threads off standard error for the rest of the test.
func quietPanics(t *testing.T) {
	t.Helper()
	prev := thread.SetPanicHook(func(*thread.PanicError) {})
	t.Cleanup(func() { thread.SetPanicHook(prev) })
}

// poisonedMutex returns a Mutex holding v that a panic has poisoned.
func poisonedMutex[T any](t *testing.T, v T) *Mutex[T] {
	t.Helper()
	m := NewMutex(v)
	if r := catch(func() {
		g, _ := m.Lock()
		defer g.Unlock()
		panic("test panic to poison the mutex")
	}); r == nil {
		t.Fatal("the panic did not come through Unlock")
	}
	if !m.IsPoisoned() {
		t.Fatal("a panic under a deferred Unlock did not poison the mutex")
	}
	return m
}

// poisonedRwLock returns an RwLock holding v that a writer's panic has
// poisoned.
func poisonedRwLock[T any](t *testing.T, v T) *RwLock[T] {
	t.Helper()
	l := NewRwLock(v)
	if r := catch(func() {
		g, _ := l.Write()
		defer g.Unlock()
		panic("test panic to poison the rwlock")
	}); r == nil {
		t.Fatal("the panic did not come through Unlock")
	}
	if !l.IsPoisoned() {
		t.Fatal("a writer's panic did not poison the rwlock")
	}
	return l
}
