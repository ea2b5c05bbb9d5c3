package session_test

import (
	"testing"
	"testing/synctest"

	"github.com/fearlessgo/fearless/session"
)

// A side waiting for a message is durably blocked, as testing/synctest
// requires: synctest.Wait returns while the server waits in Take and in
// Close.
func TestWaitingIsDurablyBlocked(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, s := session.New[OneShot]()
		var took int
		closed := false
		go func() {
			n, end := session.Take(s)
			took = n
			session.Close(end)
			closed = true
		}()
		synctest.Wait() // the server is parked in Take
		if took != 0 {
			t.Fatal("took before anything was sent")
		}
		end := session.Put(c, 42)
		synctest.Wait() // the server took 42 and is parked in Close
		if took != 42 || closed {
			t.Fatalf("took %d, closed %v; want 42 and still waiting for our Close", took, closed)
		}
		session.Close(end)
		synctest.Wait()
		if !closed {
			t.Fatal("the server's Close did not return after ours")
		}
	})
}
