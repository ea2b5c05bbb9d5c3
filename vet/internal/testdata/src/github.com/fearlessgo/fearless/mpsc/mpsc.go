// Package mpsc is a stub of fearless's mpsc for the analyzers' tests.
package mpsc

import (
	"errors"
	"iter"
	"time"
)

var ErrDisconnected, ErrEmpty, ErrTimeout, ErrFull, ErrClosed = errors.New("d"), errors.New("e"), errors.New("t"), errors.New("f"), errors.New("c")

type Sender[T any] struct{}
type SyncSender[T any] struct{}
type Receiver[T any] struct{}

func Channel[T any]() (*Sender[T], *Receiver[T])                  { return nil, nil }
func SyncChannel[T any](bound int) (*SyncSender[T], *Receiver[T]) { return nil, nil }

func (s *Sender[T]) Send(v T) error    { return nil }
func (s *Sender[T]) Clone() *Sender[T] { return s }
func (s *Sender[T]) Close()            {}

func (s *SyncSender[T]) Send(v T) error                                                 { return nil }
func (s *SyncSender[T]) TrySend(v T) error                                              { return nil }
func (s *SyncSender[T]) SendTimeout(v T, d time.Duration) error                         { return nil }
func (s *SyncSender[T]) SendContext(ctx interface{ Done() <-chan struct{} }, v T) error { return nil }
func (s *SyncSender[T]) Clone() *SyncSender[T]                                          { return s }
func (s *SyncSender[T]) Close()                                                         {}

func (r *Receiver[T]) Recv() (T, error)                       { var v T; return v, nil }
func (r *Receiver[T]) TryRecv() (T, error)                    { var v T; return v, nil }
func (r *Receiver[T]) RecvTimeout(d time.Duration) (T, error) { var v T; return v, nil }
func (r *Receiver[T]) RecvContext(ctx interface{ Done() <-chan struct{} }) (T, error) {
	var v T
	return v, nil
}
func (r *Receiver[T]) Iter() iter.Seq[T]    { return func(func(T) bool) {} }
func (r *Receiver[T]) TryIter() iter.Seq[T] { return func(func(T) bool) {} }
func (r *Receiver[T]) Close()               {}
