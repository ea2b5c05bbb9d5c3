package session_test

import (
	"errors"
	"testing"

	"github.com/fearlessgo/fearless/session"
)

// The fuzzed protocol: in a loop the client sends a number (Left), asks
// how many numbers the server has (Right, Left), or stops (Right, Right).
type (
	fzSend     = session.Send[int, V, V]
	fzSendDual = session.Recv[int, V, V]
	fzAsk      = session.Recv[int, V, V]
	fzAskDual  = session.Send[int, V, V]
	fzMore     = session.Choose[fzAsk, session.End, fzAskDual, session.End]
	fzMoreDual = session.Offer[fzAskDual, session.End, fzAsk, session.End]
	fzBody     = session.Choose[fzSend, fzMore, fzSendDual, fzMoreDual]
	fzBodyDual = session.Offer[fzSendDual, fzMoreDual, fzSend, fzMore]
	Fuzzed     = session.Rec[fzBody, fzBodyDual]
	FuzzedDual = session.Rec[fzBodyDual, fzBody]
)

// fuzzServer keeps every number it is sent and answers a count request
// with how many it has; it returns them all.
func fuzzServer(s session.Chan[session.Top, FuzzedDual]) []int {
	var got []int
	loop := session.Enter(s)
	for {
		num, more, isNum := session.Branch(loop)
		if isNum {
			n, next := session.Take(num)
			got = append(got, n)
			loop = session.Zero(next)
			continue
		}
		ask, stop, isAsk := session.Branch(more)
		if !isAsk {
			session.Close(stop)
			return got
		}
		loop = session.Zero(session.Put(ask, len(got)))
	}
}

// FuzzProtocol drives the client through a random walk of the protocol,
// with misuse (an endpoint used twice, which aborts the side) and early
// Abort mixed in, and
// checks both sides against a model: the list of numbers sent.
func FuzzProtocol(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 1, 2, 3, 4})
	f.Add([]byte{5, 5, 5, 1, 2, 9})
	f.Add([]byte{0, 2, 4, 6, 3})
	f.Add([]byte{1, 1, 1, 1, 7, 0, 0, 8, 2, 2})
	f.Fuzz(fuzzOnce)
}

func fuzzOnce(t *testing.T, ops []byte) {
	{
		c, s := session.New[Fuzzed, FuzzedDual]()
		served := spawn(func() any { return fuzzServer(s) })
		var sent []int // the model
		loop := session.Enter(c)
		prev := c // an endpoint already used, for misuse
		aborted := false
	walk:
		for i, op := range ops {
			switch op % 5 {
			case 0, 1: // send a number
				loop = session.Zero(session.Put(session.Left(loop), int(op)*1000+i))
				sent = append(sent, int(op)*1000+i)
			case 2: // ask for the count
				n, next := session.Take(session.Left(session.Right(loop)))
				if n != len(sent) {
					t.Fatalf("server has %d numbers, the model %d", n, len(sent))
				}
				loop = session.Zero(next)
			case 3: // misuse: an old endpoint, which aborts the side
				checkPanic(t, recoverFrom(func() { session.Enter(prev) }), session.ErrReused)
				checkPanic(t, recoverFrom(func() { session.Left(loop) }), session.ErrReused)
				aborted = true
				break walk
			case 4: // leave early
				loop.Abort()
				aborted = true
				break walk
			}
		}
		if !aborted {
			session.Close(session.Right(session.Right(loop)))
		}
		r := <-served
		if aborted {
			checkPanic(t, r.panic, session.ErrPeerGone)
			return
		}
		if r.panic != nil {
			t.Fatalf("server panicked: %v", r.panic)
		}
		got := r.value.([]int)
		if len(got) != len(sent) {
			t.Fatalf("server got %d numbers, model sent %d", len(got), len(sent))
		}
		for i := range got {
			if got[i] != sent[i] {
				t.Fatalf("number %d: server got %d, model sent %d", i, got[i], sent[i])
			}
		}
	}
}

func recoverFrom(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return errors.New("did not panic")
}
