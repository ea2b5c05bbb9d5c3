// Package session is a stub of fearless's session for the analyzers'
// tests: the protocol types and operations, without duality checks.
package session

type Chan[E, P any] struct{ p *int }

type End struct{}
type Send[T, P, PD any] struct{}
type Recv[T, P, PD any] struct{}
type Choose[L, R, LD, RD any] struct{}
type Offer[L, R, LD, RD any] struct{}
type Rec[P, PD any] struct{}
type Var[N any] struct{}
type Z struct{}
type S[N any] struct{}
type Top struct{}
type Loop[P, E any] struct{}

func New[P, D any]() (Chan[Top, P], Chan[Top, D]) { return Chan[Top, P]{}, Chan[Top, D]{} }
func (c Chan[E, P]) Abort()                       {}
func (c Chan[E, P]) String() string               { return "" }

func Put[E, T, P, PD any](c Chan[E, Send[T, P, PD]], v T) Chan[E, P] { return Chan[E, P]{} }
func Take[E, T, P, PD any](c Chan[E, Recv[T, P, PD]]) (T, Chan[E, P]) {
	var v T
	return v, Chan[E, P]{}
}
func Left[E, L, R, LD, RD any](c Chan[E, Choose[L, R, LD, RD]]) Chan[E, L]  { return Chan[E, L]{} }
func Right[E, L, R, LD, RD any](c Chan[E, Choose[L, R, LD, RD]]) Chan[E, R] { return Chan[E, R]{} }
func Branch[E, L, R, LD, RD any](c Chan[E, Offer[L, R, LD, RD]]) (Chan[E, L], Chan[E, R], bool) {
	return Chan[E, L]{}, Chan[E, R]{}, true
}
func Enter[E, P, PD any](c Chan[E, Rec[P, PD]]) Chan[Loop[P, E], P]   { return Chan[Loop[P, E], P]{} }
func Zero[E, P any](c Chan[Loop[P, E], Var[Z]]) Chan[Loop[P, E], P]   { return Chan[Loop[P, E], P]{} }
func Succ[E, P, N any](c Chan[Loop[P, E], Var[S[N]]]) Chan[E, Var[N]] { return Chan[E, Var[N]]{} }
func Close[E any](c Chan[E, End])                                     {}
