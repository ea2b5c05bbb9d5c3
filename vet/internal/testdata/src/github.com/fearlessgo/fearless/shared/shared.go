// Package shared is a stub of fearless's shared for the analyzers' tests:
// the signatures of the contract, no behaviour.
package shared

import (
	"errors"
	"time"
)

var (
	ErrPoisoned   = errors.New("poisoned")
	ErrWouldBlock = errors.New("would block")
)

type Mutex[T any] struct{ v T }

func NewMutex[T any](v T) *Mutex[T]                  { return &Mutex[T]{v: v} }
func (m *Mutex[T]) Lock() (*MutexGuard[T], error)    { return &MutexGuard[T]{m}, nil }
func (m *Mutex[T]) TryLock() (*MutexGuard[T], error) { return &MutexGuard[T]{m}, nil }
func (m *Mutex[T]) With(f func(v *T)) error          { f(&m.v); return nil }
func (m *Mutex[T]) Load() (T, error)                 { return m.v, nil }
func (m *Mutex[T]) Set(v T) error                    { m.v = v; return nil }
func (m *Mutex[T]) Replace(v T) (T, error)           { return m.v, nil }

type MutexGuard[T any] struct{ m *Mutex[T] }

func (g *MutexGuard[T]) Get() *T { return &g.m.v }
func (g *MutexGuard[T]) Unlock() {}

type RwLock[T any] struct{ v T }

func NewRwLock[T any](v T) *RwLock[T]                  { return &RwLock[T]{v: v} }
func (l *RwLock[T]) Read() (*ReadGuard[T], error)      { return &ReadGuard[T]{l}, nil }
func (l *RwLock[T]) Write() (*WriteGuard[T], error)    { return &WriteGuard[T]{l}, nil }
func (l *RwLock[T]) TryRead() (*ReadGuard[T], error)   { return &ReadGuard[T]{l}, nil }
func (l *RwLock[T]) TryWrite() (*WriteGuard[T], error) { return &WriteGuard[T]{l}, nil }

type ReadGuard[T any] struct{ l *RwLock[T] }

func (g *ReadGuard[T]) Get() *T { return &g.l.v }
func (g *ReadGuard[T]) Unlock() {}

type WriteGuard[T any] struct{ l *RwLock[T] }

func (g *WriteGuard[T]) Get() *T { return &g.l.v }
func (g *WriteGuard[T]) Unlock() {}

type Condvar[T any] struct{}

func NewCondvar[T any]() *Condvar[T]                                    { return &Condvar[T]{} }
func (c *Condvar[T]) Wait(g *MutexGuard[T]) error                       { return nil }
func (c *Condvar[T]) WaitWhile(g *MutexGuard[T], f func(*T) bool) error { return nil }
func (c *Condvar[T]) WaitTimeout(g *MutexGuard[T], d time.Duration) (bool, error) {
	return false, nil
}
func (c *Condvar[T]) NotifyOne() {}
func (c *Condvar[T]) NotifyAll() {}

type Arc[T any] struct{ v T }

func NewArc[T any](v T, release func(T)) *Arc[T] { return &Arc[T]{v: v} }
func (a *Arc[T]) Clone() *Arc[T]                 { return a }
func (a *Arc[T]) Get() *T                        { return &a.v }
func (a *Arc[T]) Value() T                       { return a.v }
func (a *Arc[T]) Drop()                          {}
