package mpsc

import "testing"

// TestListSlotMapping: the offsets of a block map one to one onto its slots.
func TestListSlotMapping(t *testing.T) {
	b := new(listBlock[int])
	seen := make(map[*listSlot[int]]uint64)
	for off := range uint64(listBlockCap) {
		s := b.slot(off)
		if prev, dup := seen[s]; dup {
			t.Fatalf("offsets %d and %d share a slot", prev, off)
		}
		seen[s] = off
	}
	// Offsets next to each other must not share a cache line, whatever
	// the slot size: they sit listCols slots apart.
	if b.slot(1) != &b.slots[listCols] {
		t.Fatalf("offset 1 is not at slot %d", listCols)
	}
}

// TestListAcrossBlocks: values keep their order and Len stays exact while
// the head and the tail cross many block boundaries, apart or together.
func TestListAcrossBlocks(t *testing.T) {
	c := newListChan[int]()
	next, want := 0, 0
	send := func(n int) {
		for range n {
			if st := c.trySend(next); st != ok {
				t.Fatalf("send %d: status %v", next, st)
			}
			next++
		}
	}
	recv := func(n int) {
		for range n {
			v, st := c.tryRecv()
			if st != ok || v != want {
				t.Fatalf("receive: got %d, %v, want %d", v, st, want)
			}
			want++
		}
	}
	for _, step := range []struct{ send, recv int }{
		{3*listBlockCap + 5, listBlockCap}, {1, 2*listBlockCap + 6}, {listBlockCap, listBlockCap - 1},
		{2, 3}, {5 * listBlockCap, 5 * listBlockCap}, {listBlockCap + 1, listBlockCap + 1},
	} {
		send(step.send)
		if n := c.len(); n != next-want {
			t.Fatalf("len = %d, want %d", n, next-want)
		}
		recv(step.recv)
		if n := c.len(); n != next-want {
			t.Fatalf("len = %d, want %d", n, next-want)
		}
	}
	if _, st := c.tryRecv(); st != notReady {
		t.Fatalf("empty channel: status %v, want notReady", st)
	}
	send(3)
	c.disconnect()
	if st := c.trySend(-1); st != disconnected {
		t.Fatalf("send after disconnection: status %v", st)
	}
	if n := c.len(); n != 3 {
		t.Fatalf("len after disconnection = %d, want 3 (failed sends do not count)", n)
	}
	recv(3)
	if _, st := c.tryRecv(); st != disconnected {
		t.Fatalf("drained channel: status %v, want disconnected", st)
	}
}

// TestListLaggingTailBlock: a send that starts from a tail block several
// blocks behind its index (a sender that was descheduled for long) walks
// forward to the right one.
func TestListLaggingTailBlock(t *testing.T) {
	c := newListChan[int]()
	first := c.tailBlock.Load()
	for i := range 4*listBlockCap + 10 {
		c.trySend(i)
	}
	c.tailBlock.Store(first)
	for i := range listBlockCap {
		c.trySend(4*listBlockCap + 10 + i)
	}
	if c.tailBlock.Load() == first {
		t.Fatal("the tail block did not move forward")
	}
	for want := range 5*listBlockCap + 10 {
		if v, st := c.tryRecv(); st != ok || v != want {
			t.Fatalf("got %d, %v, want %d", v, st, want)
		}
	}
}

// TestListEndNotYetRecorded: between marking the tail and recording where
// the messages end, a receive finds nothing and does not report the
// disconnection early; a receiver that registers then is told by the
// disconnecting goroutine, which notifies after recording the end.
func TestListEndNotYetRecorded(t *testing.T) {
	c := newListChan[int]()
	c.trySend(7)
	tail := c.tail.Or(listMark) // the first half of disconnect
	if st := c.trySend(8); st != disconnected {
		t.Fatalf("send after the mark: status %v", st)
	}
	if v, st := c.tryRecv(); st != ok || v != 7 {
		t.Fatalf("got %d, %v, want 7", v, st)
	}
	if _, st := c.tryRecv(); st != notReady {
		t.Fatalf("before the end is recorded: status %v, want notReady", st)
	}
	if c.recvReady(nil) {
		t.Fatal("ready before the end is recorded")
	}
	c.end.Store(tail>>listShift + 1)
	if !c.recvReady(nil) {
		t.Fatal("not ready once the end is recorded")
	}
	if _, st := c.tryRecv(); st != disconnected {
		t.Fatalf("after the end is recorded: status %v, want disconnected", st)
	}
}
