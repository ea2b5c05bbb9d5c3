// Package thread is a stub of fearless's thread for the analyzers' tests.
package thread

type JoinHandle[T any] struct{}

func Spawn[T any](f func() T) *JoinHandle[T] { go f(); return nil }
func Go(f func()) *JoinHandle[struct{}]      { go f(); return nil }
func (h *JoinHandle[T]) Join() (T, error)    { var v T; return v, nil }
