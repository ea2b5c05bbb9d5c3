// Package session gives two goroutines a channel whose protocol is a Go
// type, checked by the compiler: session types, as in Rust's session_types
// crate.
//
// # The idea
//
// A Go channel lets either side send or receive at any time; what the two
// goroutines say to each other, in which order, lives only in their code,
// and a mistake (both wait to receive, one sends a string where the other
// expects an int, one stops early) shows up as a deadlock or a wrong value
// at run time. A session type writes that order down as a type, once for
// each side. The client of a server that squares numbers, for instance,
// sends an int, receives an int, and is done:
//
//	type Client = session.Send[int, session.Recv[int, session.End, session.End], session.Send[int, session.End, session.End]]
//	type Server = session.Recv[int, session.Send[int, session.End, session.End], session.Recv[int, session.End, session.End]]
//
// The two sides must be duals: where one sends, the other receives. New
// makes a session and returns one endpoint for each side; it compiles only
// when the two protocols are duals, so a pair that could deadlock is
// rejected before the program runs. Each operation takes an endpoint in one
// state and returns the endpoint of the next state, and it accepts only an
// endpoint in a state where it is allowed: Take on a Chan whose protocol
// says Send does not compile.
//
//	c, s := session.New[Client, Server]()
//	go func() {
//		n, s2 := session.Take(s)     // s2 is at Send[int, ...]
//		session.Close(session.Put(s2, n*n))
//	}()
//	sq, end := session.Take(session.Put(c, 7))
//	session.Close(end)               // sq == 49
//
// # Protocol types and their operations
//
// Every protocol type carries, besides its own continuation, the dual of
// that continuation (the parameters ending in D); that is how the compiler
// checks duality without being able to compute a dual. A protocol whose two
// halves disagree anywhere does not compile, not even as a type.
//
//	protocol type          dual                   operation
//	End                    End                    Close(c)
//	Send[T, P, PD]         Recv[T, PD, P]         next := Put(c, v)
//	Recv[T, P, PD]         Send[T, PD, P]         v, next := Take(c)
//	Choose[L, R, LD, RD]   Offer[LD, RD, L, R]    next := Left(c) or Right(c)
//	Offer[L, R, LD, RD]    Choose[LD, RD, L, R]   l, r, isLeft := Branch(c)
//	Rec[P, PD]             Rec[PD, P]             body := Enter(c)
//	Var[Z]                 Var[Z]                 body := Zero(c)
//	Var[S[N]]              Var[S[N]]              outer := Succ(c)
//
// Rec starts a loop; Var[Z] inside its body jumps back to the start of the
// innermost loop, Var[S[Z]] to the one around it (de Bruijn indices). An
// endpoint's type Chan[E, P] records the loops it is in as E: Top outside
// any, Loop[Body, E] inside one. Because Zero returns exactly the type that
// Enter returned, one variable carries the endpoint round a Go for loop:
//
//	loop := session.Enter(c)
//	for _, n := range numbers {
//		sq, next := session.Take(session.Put(session.Left(loop), n))
//		loop = session.Zero(next)
//	}
//	session.Close(session.Right(loop))
//
// # What the compiler says
//
// A pair that is not dual, here a server that also sends first:
//
//	c, s := session.New[Client, Client]()
//
//	./main.go:9:22: Client does not satisfy session.Proto[Client] (wrong type for method dual)
//			have dual(session.Recv[int, session.Send[int, session.End, session.End], session.Recv[int, session.End, session.End]])
//			want dual(Client)
//
// "have dual(X)" names the protocol the other side must follow. An
// operation the protocol does not allow, here a client that receives first:
//
//	_, next := session.Take(c)
//
//	./main.go:10:26: in call to session.Take, type session.Chan[session.Top, Client] of c does not match inferred type session.Chan[session.Top, session.Recv[int, session.Recv[int, session.End, session.End], session.Send[int, session.End, session.End]]] for session.Chan[E, session.Recv[T, P, PD]]
//
// that is: c is at Client (a Send), and Take wants an endpoint at a Recv
// (the compiler shows the Recv it would have accepted).
// A value of the wrong type is the usual "cannot use ... as int value in
// argument to session.Put".
//
// # Writing a protocol once
//
// The dual parameters make protocol types long. Three things keep them
// short. Type aliases name the steps, so each appears once:
//
//	type (
//		answer     = session.Recv[int, session.End, session.End]
//		answerDual = session.Send[int, session.End, session.End]
//		Client     = session.Send[int, answer, answerDual]
//	)
//
// New infers the dual, so the other side's type need not be written at
// all unless a function signature names it: New[Client]() returns
// (Chan[Top, Client], Chan[Top, <its dual>]). And the sessiongen command
// (github.com/fearlessgo/fearless/cmd/sessiongen) turns a one-sided
// description such as "Rec[Choose[Send[int, Recv[int, Var[Z]]], End]]"
// into the aliases of both sides, from a go:generate line.
//
// # What is checked at run time
//
// Go cannot stop a program from using an endpoint twice (Rust's ownership
// does), so the session counts the operations of each side and every
// operation checks that it was given the latest endpoint. Using one that
// an earlier operation consumed, or the branch of an Offer that the peer
// did not choose, panics with an *Error matching ErrReused, at once, before
// anything is sent or received; this holds also when two goroutines race
// with the same endpoint. The misuse also aborts the side, as Chan.Abort
// does: the peer's pending and next operations panic with ErrPeerGone at
// once, and this side's next operation that communicates panics with
// ErrReused.
//
// Close ends the protocol on one side and waits for the other side to
// close too, so that when it returns the whole conversation is over. A
// side that stops early, by Chan.Abort or because its endpoint was dropped
// (garbage collected) without Close, makes the peer's pending and next
// operations panic with an *Error matching ErrPeerGone, instead of waiting
// forever. A dropped endpoint is found when the garbage collector finds it
// unreachable (the crate panics in its destructor; Go has none), and the
// drop hook (SetDropHook; by default a line on standard error) reports
// where the session was made. A deferred c.Abort() in a goroutine that owns an
// endpoint makes a panic there end the session at once.
//
// These panics are programming errors, as a protocol violation is a
// compile error in Rust: a thread spawned with package thread returns them
// from Join as a *thread.PanicError that errors.Is matches.
//
// # Cost and limits
//
// An endpoint is two words, passed by value. Messages travel through a
// lock-free queue for each direction, in boxes that are reused once the
// conversation is under way, so a steady exchange does not allocate. A
// side that must wait yields its processor once, which often lets the
// peer answer, and then parks through fearless's scheduler seam, so the
// schedule explorer and testing/synctest see it as durably blocked. The package
// benchmarks compare a round trip with the same exchange over two Go
// channels.
//
// The Go compiler spells every instantiated type out in full, and each
// protocol step holds both its continuation and that continuation's dual,
// so the compiler's time and memory double with each step of a protocol's
// longest path: past a dozen steps a build takes seconds and gigabytes
// (sessiongen warns). Keep
// protocols short; loops (Rec) cost one step per step of their body, not
// per turn; a long conversation can be split into sessions, an endpoint
// being an ordinary value that one session can send over another.
//
// A Chan may be handed from one goroutine to another, but each state is
// used by one operation only. Operations on the two endpoints of a session
// may run in parallel.
package session
