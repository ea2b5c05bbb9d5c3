package session_test

import (
	"fmt"
	"runtime"
	"strconv"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/session"
)

// serveSquares answers every request with its square until the client
// says stop, and returns how many it answered.
func serveSquares(s session.Chan[session.Top, SquaresDual]) int {
	answered := 0
	loop := session.Enter(s)
	for {
		ask, stop, isAsk := session.Branch(loop)
		if !isAsk {
			session.Close(stop)
			return answered
		}
		n, answer := session.Take(ask)
		loop = session.Zero(session.Put(answer, n*n))
		answered++
	}
}

func TestSquares(t *testing.T) {
	leak.Check(t)
	for _, asks := range []int{0, 1, 2, 100} {
		c, s := session.New[Squares, SquaresDual]()
		served := spawn(func() any { return serveSquares(s) })
		loop := session.Enter(c)
		for n := range asks {
			sq, next := session.Take(session.Put(session.Left(loop), n))
			if sq != n*n {
				t.Fatalf("square of %d came back as %d", n, sq)
			}
			loop = session.Zero(next)
		}
		session.Close(session.Right(loop))
		if r := <-served; r.panic != nil || r.value != asks {
			t.Fatalf("server ended with %+v, want %d answers", r, asks)
		}
	}
}

// Batches: an outer loop of batches and an inner loop of numbers. Inside a
// batch the client sends numbers (Left) or ends the batch (Right), which
// goes back to the outer loop: Var[S[Z]]. Outside, it starts a batch (Left)
// or receives the total and stops (Right).
type (
	V1         = session.Var[session.S[session.Z]]
	batchInner = session.Rec[
		session.Choose[session.Send[int, V, V], V1, session.Recv[int, V, V], V1],
		session.Offer[session.Recv[int, V, V], V1, session.Send[int, V, V], V1]]
	batchInnerDual = session.Rec[
		session.Offer[session.Recv[int, V, V], V1, session.Send[int, V, V], V1],
		session.Choose[session.Send[int, V, V], V1, session.Recv[int, V, V], V1]]
	total     = session.Recv[int, session.End, session.End]
	totalDual = session.Send[int, session.End, session.End]
	Batches   = session.Rec[
		session.Choose[batchInner, total, batchInnerDual, totalDual],
		session.Offer[batchInnerDual, totalDual, batchInner, total]]
	BatchesDual = session.Rec[
		session.Offer[batchInnerDual, totalDual, batchInner, total],
		session.Choose[batchInner, total, batchInnerDual, totalDual]]
)

func TestNestedLoops(t *testing.T) {
	leak.Check(t)
	c, s := session.New[Batches, BatchesDual]()
	served := spawn(func() any {
		sum, batches := 0, 0
		outer := session.Enter(s)
		for {
			batch, stop, isBatch := session.Branch(outer)
			if !isBatch {
				session.Close(session.Put(stop, sum))
				return batches
			}
			batches++
			inner := session.Enter(batch)
			for {
				num, done, isNum := session.Branch(inner)
				if !isNum {
					outer = session.Zero(session.Succ(done))
					break
				}
				n, next := session.Take(num)
				sum += n
				inner = session.Zero(next)
			}
		}
	})
	want := 0
	outer := session.Enter(c)
	for b := range 4 {
		inner := session.Enter(session.Left(outer))
		for n := range b * 3 {
			inner = session.Zero(session.Put(session.Left(inner), n))
			want += n
		}
		outer = session.Zero(session.Succ(session.Right(inner)))
	}
	sum, end := session.Take(session.Right(outer))
	session.Close(end)
	if sum != want {
		t.Errorf("total %d, want %d", sum, want)
	}
	if r := <-served; r.panic != nil || r.value != 4 {
		t.Fatalf("server ended with %+v, want 4 batches", r)
	}
}

// A burst: the client sends many numbers before the server takes any, so
// the inbox grows past one segment and recycles drained ones.
type (
	Burst = session.Rec[
		session.Choose[session.Send[int, V, V], session.End, session.Recv[int, V, V], session.End],
		session.Offer[session.Recv[int, V, V], session.End, session.Send[int, V, V], session.End]]
	BurstDual = session.Rec[
		session.Offer[session.Recv[int, V, V], session.End, session.Send[int, V, V], session.End],
		session.Choose[session.Send[int, V, V], session.End, session.Recv[int, V, V], session.End]]
)

func TestBurstKeepsOrder(t *testing.T) {
	leak.Check(t)
	const n = 10_000
	c, s := session.New[Burst, BurstDual]()
	loop := session.Enter(c)
	for i := range n {
		loop = session.Zero(session.Put(session.Left(loop), i))
	}
	got := spawn(func() any {
		loop := session.Enter(s)
		for want := 0; ; want++ {
			num, stop, isNum := session.Branch(loop)
			if !isNum {
				session.Close(stop)
				return want
			}
			v, next := session.Take(num)
			if v != want {
				return v
			}
			loop = session.Zero(next)
		}
	})
	session.Close(session.Right(loop))
	if r := <-got; r.panic != nil || r.value != n {
		t.Fatalf("server ended with %+v, want %d numbers in order", r, n)
	}
}

// Messages of different types take turns in the inbox's slots (a period of
// three against segments of sixteen), so a slot's box is sometimes reused
// and sometimes replaced.
type (
	trioStep     = session.Send[int, session.Send[string, V, V], session.Recv[string, V, V]]
	trioStepDual = session.Recv[int, session.Recv[string, V, V], session.Send[string, V, V]]
	Trio         = session.Rec[
		session.Choose[trioStep, session.End, trioStepDual, session.End],
		session.Offer[trioStepDual, session.End, trioStep, session.End]]
	TrioDual = session.Rec[
		session.Offer[trioStepDual, session.End, trioStep, session.End],
		session.Choose[trioStep, session.End, trioStepDual, session.End]]
)

func TestMixedTypesShareSlots(t *testing.T) {
	leak.Check(t)
	const n = 1000
	c, s := session.New[Trio, TrioDual]()
	got := spawn(func() any {
		loop := session.Enter(s)
		for want := 0; ; want++ {
			step, stop, isStep := session.Branch(loop)
			if !isStep {
				session.Close(stop)
				return want
			}
			i, s1 := session.Take(step)
			str, s2 := session.Take(s1)
			if i != want || str != strconv.Itoa(want) {
				return fmt.Sprintf("took %d and %q, want %d", i, str, want)
			}
			loop = session.Zero(s2)
		}
	})
	loop := session.Enter(c)
	for i := range n {
		loop = session.Zero(session.Put(session.Put(session.Left(loop), i), strconv.Itoa(i)))
	}
	session.Close(session.Right(loop))
	if r := <-got; r.panic != nil || r.value != n {
		t.Fatalf("server ended with %+v, want %d steps", r, n)
	}
}

// A payload taken out of the session is not kept alive by it: the box it
// travelled in is cleared, though the session goes on.
func TestPayloadsAreNotRetained(t *testing.T) {
	leak.Check(t)
	type (
		big      struct{ Data [1 << 10]byte } // only its size counts
		give     = session.Send[*big, V, V]
		giveDual = session.Recv[*big, V, V]
		Gifts    = session.Rec[session.Choose[give, session.End, giveDual, session.End], session.Offer[giveDual, session.End, give, session.End]]
	)
	c, s := session.New[Gifts]()
	cl, sl := session.Enter(c), session.Enter(s)
	freed := make(chan struct{})
	func() {
		p := &big{}
		runtime.AddCleanup(p, func(ch chan struct{}) { close(ch) }, freed)
		cl = session.Zero(session.Put(session.Left(cl), p))
	}()
	ask, _, _ := session.Branch(sl)
	p, next := session.Take(ask)
	sl = session.Zero(next)
	if p == nil {
		t.Fatal("took nil")
	}
	// p is not used after this line: the collector may free the value.
	collectUntil(t, freed) // while both endpoints are alive
	done := spawn(func() any {
		_, stop, _ := session.Branch(sl)
		session.Close(stop)
		return nil
	})
	session.Close(session.Right(cl))
	<-done
}
