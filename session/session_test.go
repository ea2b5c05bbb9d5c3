package session_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/session"
)

func TestOneShot(t *testing.T) {
	leak.Check(t)
	client, server := session.New[OneShot, OneShotDual]()
	got := spawn(func() any {
		n, end := session.Take(server)
		session.Close(end)
		return n
	})
	session.Close(session.Put(client, 42))
	if r := <-got; r.panic != nil || r.value != 42 {
		t.Fatalf("server got %+v, want 42", r)
	}
}

func TestDualIsInferred(t *testing.T) {
	leak.Check(t)
	client, server := session.New[OneShot]()
	var _ session.Chan[session.Top, OneShotDual] = server // the inferred type is the dual
	done := spawn(func() any { session.Close(session.Put(client, 1)); return nil })
	n, end := session.Take(server)
	session.Close(end)
	<-done
	if n != 1 {
		t.Fatalf("took %d, want 1", n)
	}
}

// A protocol with several payload types, one of them an interface that may
// be nil, and several messages in a row in the same direction.
type (
	payload struct {
		Name string
		Tags []string
	}
	mixedTail     = session.Recv[error, session.Recv[error, session.End, session.End], session.Send[error, session.End, session.End]]
	mixedTailDual = session.Send[error, session.Send[error, session.End, session.End], session.Recv[error, session.End, session.End]]
	mixed3        = session.Send[*int, mixedTail, mixedTailDual]
	mixed3Dual    = session.Recv[*int, mixedTailDual, mixedTail]
	mixed2        = session.Send[payload, mixed3, mixed3Dual]
	mixed2Dual    = session.Recv[payload, mixed3Dual, mixed3]
	Mixed         = session.Send[string, mixed2, mixed2Dual]
	MixedDual     = session.Recv[string, mixed2Dual, mixed2]
)

func TestPayloadsOfEveryKind(t *testing.T) {
	leak.Check(t)
	c, s := session.New[Mixed, MixedDual]()
	x := 7
	done := spawn(func() any {
		str, s1 := session.Take(s)
		p, s2 := session.Take(s1)
		ptr, s3 := session.Take(s2)
		s4 := session.Put(s3, nil)
		s5 := session.Put(s4, errors.New("boom"))
		session.Close(s5)
		return fmt.Sprintf("%s %v %d %t", str, p, *ptr, ptr == &x)
	})
	c1 := session.Put(c, "hello")
	c2 := session.Put(c1, payload{"p", []string{"a", "b"}})
	c3 := session.Put(c2, &x)
	e1, c4 := session.Take(c3)
	e2, c5 := session.Take(c4)
	session.Close(c5)
	r := <-done
	if r.panic != nil {
		t.Fatal(r.panic)
	}
	if want := "hello {p [a b]} 7 true"; r.value != want {
		t.Errorf("server took %q, want %q", r.value, want)
	}
	if e1 != nil || e2 == nil || e2.Error() != "boom" {
		t.Errorf("client took %v and %v, want nil and boom", e1, e2)
	}
}

func TestCloseWaitsForThePeer(t *testing.T) {
	leak.Check(t)
	c, s := session.New[OneShot]()
	var serverStep string // written by the server before its Close, read after ours
	done := spawn(func() any {
		n, end := session.Take(s)
		serverStep = fmt.Sprint("took ", n)
		session.Close(end)
		return nil
	})
	session.Close(session.Put(c, 5))
	if serverStep != "took 5" { // Close returned, so the server closed after its step
		t.Fatalf("after Close the server's step is %q", serverStep)
	}
	<-done
}

func TestChanString(t *testing.T) {
	var zero session.Chan[session.Top, session.End]
	if zero.String() != "session.Chan(zero)" {
		t.Errorf("zero Chan prints %q", zero.String())
	}
	c, s := session.New[OneShot]()
	if got := c.String(); got != "session.Chan(side 0, step 0)" {
		t.Errorf("String() = %q", got)
	}
	end := session.Put(c, 1)
	if got := end.String(); got != "session.Chan(side 0, step 1)" {
		t.Errorf("String() = %q", got)
	}
	done := spawn(func() any { session.Close(end); return nil })
	_, e := session.Take(s)
	session.Close(e)
	<-done
}

// An endpoint is a value like any other: a session can carry another
// session's endpoint (delegation).
func TestDelegation(t *testing.T) {
	leak.Check(t)
	type Delegate = session.Send[session.Chan[session.Top, OneShotDual], session.End, session.End]
	outerC, outerS := session.New[Delegate]()
	got := spawn(func() any {
		inner, end := session.Take(outerS)
		session.Close(end)
		n, innerEnd := session.Take(inner)
		session.Close(innerEnd)
		return n
	})
	innerC, innerS := session.New[OneShot]()
	outerEnd := session.Put(outerC, innerS)
	session.Close(outerEnd)
	session.Close(session.Put(innerC, 99))
	if r := <-got; r.panic != nil || r.value != 99 {
		t.Fatalf("the delegated server ended with %+v, want 99", r)
	}
}
