package session

// Proto is satisfied by every protocol type: P satisfies Proto[D] exactly
// when D is P's dual, the protocol seen from the other end. The method is
// unexported, so only this package's types satisfy it and the check cannot
// be forged. Every protocol type takes its continuation and that
// continuation's dual as type parameters constrained by Proto, so a type
// whose two halves disagree does not compile, however deep the mistake.
type Proto[D any] interface {
	dual(D)
}

// End ends the protocol: the only operation left is Close. It is its own
// dual. The session_types crate calls it Eps (epsilon, the empty
// protocol); sessiongen accepts both names.
type End struct{}

func (End) dual(End) {}

// Send sends a T, then goes on as P. PD is P's dual, so Send's dual is
// Recv[T, PD, P]. The operation is Put.
type Send[T any, P Proto[PD], PD Proto[P]] struct{}

func (Send[T, P, PD]) dual(Recv[T, PD, P]) {}

// Recv receives a T, then goes on as P. PD is P's dual, so Recv's dual is
// Send[T, PD, P]. The operation is Take.
type Recv[T any, P Proto[PD], PD Proto[P]] struct{}

func (Recv[T, P, PD]) dual(Send[T, PD, P]) {}

// Choose lets this side pick how the protocol goes on: as L (operation
// Left) or as R (operation Right). LD and RD are their duals, so Choose's
// dual is Offer[LD, RD, L, R].
type Choose[L Proto[LD], R Proto[RD], LD Proto[L], RD Proto[R]] struct{}

func (Choose[L, R, LD, RD]) dual(Offer[LD, RD, L, R]) {}

// Offer lets the peer pick how the protocol goes on: as L or as R. The
// operation Branch waits for the peer's choice. LD and RD are the duals of
// L and R, so Offer's dual is Choose[LD, RD, L, R].
type Offer[L Proto[LD], R Proto[RD], LD Proto[L], RD Proto[R]] struct{}

func (Offer[L, R, LD, RD]) dual(Choose[LD, RD, L, R]) {}

// Rec marks the start of a loop whose body is P; inside P, Var[Z] jumps
// back here. PD is P's dual, so Rec's dual is Rec[PD, P]. The operation is
// Enter.
type Rec[P Proto[PD], PD Proto[P]] struct{}

func (Rec[P, PD]) dual(Rec[PD, P]) {}

// Var jumps back to the start of an enclosing Rec: Var[Z] to the innermost
// one, Var[S[Z]] to the one around it, and so on (de Bruijn indices). It is
// its own dual. The operations are Zero and Succ.
type Var[N Nat] struct{}

func (Var[N]) dual(Var[N]) {}

// Nat is satisfied by the type-level numbers Z, S[Z], S[S[Z]], ...
type Nat interface{ nat() }

// Z is zero: Var[Z] names the innermost enclosing Rec.
type Z struct{}

func (Z) nat() {}

// S is N+1: Var[S[N]] names the Rec one further out than Var[N].
type S[N Nat] struct{}

func (S[N]) nat() {}

// Top is the environment of an endpoint outside any Rec: New returns
// Chan[Top, P].
type Top struct{}

// Loop is the environment of an endpoint inside the Rec whose body is P,
// itself in environment E. Enter pushes a Loop, Succ pops one, and Zero uses
// the innermost one to go back to the start of its body.
type Loop[P, E any] struct{}
