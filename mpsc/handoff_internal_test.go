package mpsc

import "testing"

// TestHandOffFillsTheRoomItMade: a receive that makes room in a full buffer
// sends a blocked sender's value for it into that room, even when a
// receiver is blocked too (it registered after the value was taken, before
// the hand-off). Handed to that receiver directly instead, the value would
// leave the room free, and the other blocked sender, which only a receive
// that makes room wakes, would sleep on beside the blocked receivers.
func TestHandOffFillsTheRoomItMade(t *testing.T) {
	c := newArrayChan[int](1)
	if st := c.trySend(0); st != ok {
		t.Fatalf("first send: status %v", st)
	}
	var cache1, cache2, cacheR entryCache[int]
	st1, e1 := c.sendOrRegister(&cache1, 1)
	st2, e2 := c.sendOrRegister(&cache2, 2)
	if st1 != notReady || st2 != notReady {
		t.Fatalf("sends on a full buffer did not wait: %v, %v", st1, st2)
	}
	er := cacheR.get()
	er.expect = er.w.begin()
	c.receivers.register(er)

	if v, st := c.tryRecv(); v != 0 || st != ok {
		t.Fatalf("receive = %d, %v; want 0, ok", v, st)
	}
	if sel := e1.w.selection(e1.expect); sel != selSent {
		t.Fatalf("the first blocked sender was selected with %d, want selSent", sel)
	}
	if n := c.len(); n != 1 {
		t.Fatalf("after the hand-off the buffer holds %d values, want the handed one (a sender waits for room: %d)", n, len(c.senders.q.entries))
	}
	if sel := er.w.selection(er.expect); sel != selOperation {
		t.Fatalf("the blocked receiver was selected with %d, want selOperation for the value in the buffer", sel)
	}
	if v, st := c.acceptRecv(er); v != 1 || st != ok {
		t.Fatalf("the woken receiver got %d, %v; want the handed value 1", v, st)
	}
	// That receive made room again: the second sender's value goes there.
	if sel := e2.w.selection(e2.expect); sel != selSent {
		t.Fatalf("the second blocked sender was selected with %d, want selSent", sel)
	}
	if v, st := c.tryRecv(); v != 2 || st != ok {
		t.Fatalf("last receive = %d, %v; want 2, ok", v, st)
	}
}
