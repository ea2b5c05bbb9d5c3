package session_test

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/session"
)

func TestAbortWakesAWaitingPeer(t *testing.T) {
	leak.Check(t)
	c, s := session.New[OneShot]()
	started := make(chan struct{})
	got := spawn(func() any {
		close(started)
		session.Take(s) // waits: nothing will come
		return nil
	})
	<-started
	c.Abort()
	r := <-got
	err := checkPanic(t, r.panic, session.ErrPeerGone)
	if err.Op != "Take" || !strings.Contains(err.Error(), "the peer called Abort after 0 operation(s)") {
		t.Errorf("unclear message: %v", err)
	}
}

func TestAbortThenPeerOperations(t *testing.T) {
	leak.Check(t)
	c, s := session.New[Squares, SquaresDual]()
	loop := session.Enter(c)
	ask := session.Left(loop)
	c.Abort() // a used endpoint of the side: still aborts it
	c.Abort() // idempotent
	// What was sent before the Abort is still delivered.
	sask, _, isAsk := session.Branch(session.Enter(s))
	if !isAsk {
		t.Fatal("the choice sent before Abort was lost")
	}
	mustPanic(t, session.ErrPeerGone, func() { session.Take(sask) })
	// The aborted side cannot go on either.
	err := mustPanic(t, session.ErrReused, func() { session.Put(ask, 1) })
	if !strings.Contains(err.Error(), "this side left by Abort") {
		t.Errorf("unclear message: %v", err)
	}
}

// Abort from another goroutine while the side's owner waits: the owner
// is woken and panics, and so does the peer at its next operation.
func TestAbortFromAnotherGoroutine(t *testing.T) {
	leak.Check(t)
	c, s := session.New[OneShot]()
	waiting := make(chan struct{})
	owner := spawn(func() any {
		close(waiting)
		session.Take(s) // nothing will come
		return nil
	})
	<-waiting
	s.Abort()
	checkPanic(t, (<-owner).panic, session.ErrReused)
	mustPanic(t, session.ErrPeerGone, func() { session.Put(c, 1) })
}

func TestAbortAfterCloseDoesNothing(t *testing.T) {
	leak.Check(t)
	c, s := session.New[OneShot]()
	done := spawn(func() any {
		_, end := session.Take(s)
		session.Close(end)
		s.Abort()
		return nil
	})
	session.Close(session.Put(c, 1))
	c.Abort()
	if r := <-done; r.panic != nil {
		t.Fatal(r.panic)
	}
	var zero session.Chan[session.Top, session.End]
	zero.Abort() // no session: nothing to do
}

func TestPeerAbortsWhileWeClose(t *testing.T) {
	leak.Check(t)
	c, s := session.New[OneShot]()
	end := session.Put(c, 1)
	got := spawn(func() any { session.Close(end); return nil })
	_, _ = session.Take(s)
	s.Abort()
	checkPanic(t, (<-got).panic, session.ErrPeerGone)
}

// dropHook collects drop reports for one test.
type dropHook struct {
	mu    sync.Mutex
	drops []*session.DropError
	came  chan struct{} // a token per report
}

func (h *dropHook) install(t *testing.T) {
	h.came = make(chan struct{}, 64)
	prev := session.SetDropHook(func(e *session.DropError) {
		h.mu.Lock()
		h.drops = append(h.drops, e)
		h.mu.Unlock()
		select {
		case h.came <- struct{}{}:
		default:
		}
	})
	t.Cleanup(func() { session.SetDropHook(prev) })
}

// waitReports waits until n reports came and returns every report so far.
// A drop wakes the peer before it is reported, so the peer's panic can come
// first.
func (h *dropHook) waitReports(t *testing.T, n int) []*session.DropError {
	t.Helper()
	for range n {
		collectUntil(t, h.came)
	}
	return h.reports()
}

func (h *dropHook) reports() []*session.DropError {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]*session.DropError(nil), h.drops...)
}

// collectUntil runs the garbage collector until done delivers, for at most
// leak.Grace: a dropped endpoint is found only by a collection, and its
// cleanup runs soon after in the runtime's cleanup goroutine.
func collectUntil[T any](t *testing.T, done <-chan T) T {
	t.Helper()
	deadline := time.Now().Add(leak.Grace)
	for {
		runtime.GC()
		select {
		case v := <-done:
			return v
		case <-time.After(time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing came in %v of garbage collections", leak.Grace)
		}
	}
}

// dropAfterPut sends on a new session's first endpoint and drops it
// without Close; it returns the other endpoint.
//
//go:noinline
func dropAfterPut() session.Chan[session.Top, session.Recv[string, OneShotDual, OneShot]] {
	c, s := session.New[session.Send[string, OneShot, OneShotDual]]()
	session.Put(c, "before the drop") // the next endpoint is thrown away
	return s
}

func TestDroppedPeerIsDetected(t *testing.T) {
	leak.Check(t)
	var hook dropHook
	hook.install(t)
	s := dropAfterPut()
	got := spawn(func() any {
		msg, next := session.Take(s) // sent before the drop: delivered
		if msg != "before the drop" {
			return msg
		}
		session.Take(next) // the peer is gone: panics once the GC notices
		return "took a value nobody sent"
	})
	r := collectUntil(t, got)
	err := checkPanic(t, r.panic, session.ErrPeerGone)
	if !strings.Contains(err.Error(), "dropped after 1 operation(s)") || !strings.Contains(err.Error(), "leave_test.go") {
		t.Errorf("the message does not say what was dropped where: %v", err)
	}
	reports := hook.waitReports(t, 1)
	if len(reports) != 1 || reports[0].Side != 0 || reports[0].Steps != 1 || !strings.Contains(reports[0].Created, "leave_test.go:") {
		t.Fatalf("drop reports %v, want one for side 0 after 1 operation", reports)
	}
	if !strings.HasPrefix(reports[0].Error(), "session: endpoint 0 of the session made at ") {
		t.Errorf("report reads %q", reports[0].Error())
	}
}

//go:noinline
func dropAtEnd() session.Chan[session.Top, OneShotDual] {
	c, s := session.New[OneShot]()
	session.Put(c, 9) // reaches End but never closes
	return s
}

func TestDroppedAtEndIsDetectedByClose(t *testing.T) {
	leak.Check(t)
	var hook dropHook
	hook.install(t)
	s := dropAtEnd()
	got := spawn(func() any {
		_, end := session.Take(s)
		session.Close(end)
		return nil
	})
	err := checkPanic(t, collectUntil(t, got).panic, session.ErrPeerGone)
	if err.Op != "Close" {
		t.Errorf("panicked in %s, want Close", err.Op)
	}
}

func TestFinishedSessionsAreNotReported(t *testing.T) {
	leak.Check(t)
	var hook dropHook
	hook.install(t)
	for range 10 {
		c, s := session.New[OneShot]()
		done := spawn(func() any { session.Close(session.Put(c, 1)); return nil })
		_, end := session.Take(s)
		session.Close(end)
		<-done
	}
	// Aborted sides and the sides whose peer left are not reported either.
	for range 10 {
		c, s := session.New[OneShot]()
		c.Abort()
		mustPanic(t, session.ErrPeerGone, func() { session.Take(s) })
	}
	for range 3 {
		runtime.GC()
	}
	// A report still to come would have to be for a finished session; give
	// the cleanup goroutine its turn with one more session that is dropped
	// and must be the only report.
	s := dropAtEnd()
	got := spawn(func() any { _, end := session.Take(s); session.Close(end); return nil })
	collectUntil(t, got)
	if reports := hook.waitReports(t, 1); len(reports) != 1 {
		t.Fatalf("%d drop reports, want only the one dropped session's: %v", len(reports), reports)
	}
}
