package thread

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalidBuilder is matched by every error SpawnWith returns for a
// Builder that cannot start a thread.
var ErrInvalidBuilder = errors.New("thread: invalid builder")

// A Builder configures a thread before it starts, like Rust's
// thread::Builder. It is a value: each method returns a modified copy, and
// the zero value builds an unnamed thread.
type Builder struct {
	c config
}

// NewBuilder returns a Builder for an unnamed thread.
func NewBuilder() Builder { return Builder{} }

// Name names the thread. The name shows in Current().Name(), in panic
// reports and in PanicError.Thread, and as the pprof label thread=NAME of
// the thread's goroutine (in goroutine and CPU profiles), which takes the
// place of the labels the spawning goroutine had. It must not contain a
// NUL byte.
func (b Builder) Name(name string) Builder { b.c.name = name; return b }

// StackSize records the stack size, in bytes, that the thread asks for. Go
// stacks start small and grow as needed, so nothing is reserved: the size
// is kept for Thread.StackSize and checked to be non-negative.
func (b Builder) StackSize(bytes int) Builder { b.c.stackSize = bytes; return b }

// LockOSThread makes the thread keep one OS thread for its whole life (Rust's
// 1:1 model) instead of being moved between OS threads by Go's M:N scheduler.
// The OS thread ends with the thread. Use it for code that depends on
// thread-local OS state (some C libraries, UI toolkits, namespaces). Under
// the schedule explorer (package model) the thread is not locked: the
// explorer runs it, one thread at a time, on its own goroutines.
func (b Builder) LockOSThread() Builder { b.c.lockOS = true; return b }

// SpawnWith starts f in a new thread configured by b. It returns an error
// matching ErrInvalidBuilder, and starts nothing, when the name contains a
// NUL byte or the stack size is negative. A nil f panics at once.
func SpawnWith[T any](b Builder, f func() T) (*JoinHandle[T], error) {
	needFunc("SpawnWith", f == nil)
	if err := b.validate(); err != nil {
		return nil, err
	}
	return start(newHandle[T](b.config()), f), nil
}

// config returns the settings to give a thread, nil when there are none.
func (b Builder) config() *config {
	if b.c == (config{}) {
		return nil
	}
	c := b.c
	return &c
}

func (b Builder) validate() error {
	if strings.IndexByte(b.c.name, 0) >= 0 {
		return fmt.Errorf("%w: name %q contains a NUL byte", ErrInvalidBuilder, b.c.name)
	}
	if b.c.stackSize < 0 {
		return fmt.Errorf("%w: stack size %d is negative", ErrInvalidBuilder, b.c.stackSize)
	}
	return nil
}
