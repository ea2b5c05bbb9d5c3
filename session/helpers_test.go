package session_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/session"
)

// Protocols the tests share. Each is written as an alias for the client,
// with the server's type given by the dual parameters.
type (
	V = session.Var[session.Z]

	// The seeds' protocol: the client sends a number and quits.
	OneShot     = session.Send[int, session.End, session.End]
	OneShotDual = session.Recv[int, session.End, session.End]

	// Squares: the client asks for the squares of numbers until it says stop.
	sqAnswer     = session.Recv[int, V, V]
	sqAnswerDual = session.Send[int, V, V]
	sqAsk        = session.Send[int, sqAnswer, sqAnswerDual]
	sqAskDual    = session.Recv[int, sqAnswerDual, sqAnswer]
	SquaresBody  = session.Choose[sqAsk, session.End, sqAskDual, session.End]
	SquaresDualB = session.Offer[sqAskDual, session.End, sqAsk, session.End]
	Squares      = session.Rec[SquaresBody, SquaresDualB]
	SquaresDual  = session.Rec[SquaresDualB, SquaresBody]
)

// result is what a goroutine started by spawn ended with.
type result struct {
	value any // what the function returned
	panic any // what it panicked with, or nil
}

// spawn runs f in a new goroutine and delivers its outcome, panic included.
func spawn(f func() any) <-chan result {
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r.panic = p
			}
			done <- r
		}()
		r.value = f()
	}()
	return done
}

// mustPanic calls f and returns the *session.Error it panics with, failing
// the test unless that error matches want.
func mustPanic(t *testing.T, want error, f func()) *session.Error {
	t.Helper()
	var got any
	func() {
		defer func() { got = recover() }()
		f()
	}()
	return checkPanic(t, got, want)
}

func checkPanic(t *testing.T, got any, want error) *session.Error {
	t.Helper()
	err, ok := got.(*session.Error)
	if !ok {
		t.Fatalf("panicked with %v (%T), want a *session.Error matching %v", got, got, want)
	}
	if !errors.Is(err, want) {
		t.Fatalf("panicked with %v, want an error matching %v", err, want)
	}
	if !strings.HasPrefix(err.Error(), "session: ") {
		t.Errorf("message %q does not name the package", err.Error())
	}
	return err
}
