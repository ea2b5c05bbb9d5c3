package mpsc

import "testing"

// TestStallWatch: a sender lets the receiver run only when it lags far
// behind and two looks in a row found it where it was.
func TestStallWatch(t *testing.T) {
	var w stallWatch
	far := uint64(yieldBacklog + 1)
	for _, step := range []struct {
		lag, head uint64
		want      bool
	}{
		{yieldBacklog, 0, false}, // within the backlog
		{far, 0, false},          // far behind, where it started: one look
		{far, 0, true},           // two
		{5 * far, 0, true},       // still there
		{5 * far, 9, false},      // moved since
		{5 * far, 9, false},      // stopped: one look
		{1, 9, false},            // caught up
		{5 * far, 9, true},       // far behind again, not moved: two looks
		{5 * far, 10, false},     // moved
	} {
		if got := w.stalled(step.lag, step.head); got != step.want {
			t.Fatalf("lag %d, head %d: stalled = %v, want %v", step.lag, step.head, got, step.want)
		}
	}
}

// TestArrayBetween: the distance from the head to the tail of a bounded
// channel, and so len, is the number of values buffered, across laps of
// the ring, full and empty included.
func TestArrayBetween(t *testing.T) {
	c := newArrayChan[int](yieldBacklog + 3)
	buffered := 0
	for _, step := range []struct{ send, recv int }{
		{yieldBacklog + 3, 10}, {10, yieldBacklog}, {yieldBacklog, yieldBacklog + 3}, {7, 3}, {yieldBacklog - 4, 0}, {0, yieldBacklog},
	} {
		for range step.send {
			if c.trySend(1) != ok {
				t.Fatal("send failed")
			}
		}
		for range step.recv {
			if _, st := c.tryRecv(); st != ok {
				t.Fatal("receive failed")
			}
		}
		buffered += step.send - step.recv
		if got := c.between(c.head.Load(), c.tail.Load()); got != int64(buffered) {
			t.Fatalf("between = %d, want %d buffered", got, buffered)
		}
		if got := c.len(); got != buffered {
			t.Fatalf("len = %d, want %d", got, buffered)
		}
	}
	c.disconnect()
	if got := c.len(); got != buffered {
		t.Fatalf("len of a disconnected channel = %d, want %d", got, buffered)
	}
	if got := c.between(c.tail.Load(), c.head.Load()); got != -int64(buffered) {
		t.Fatalf("between the other way = %d, want %d", got, -buffered)
	}
}

// TestSendsPastStalledReceiver: a sender far ahead of a receiver that does
// not receive finds it stalled, look after look, and loses or reorders
// nothing.
func TestSendsPastStalledReceiver(t *testing.T) {
	const n = 20 * yieldEvery
	list, array := newListChan[int](), newArrayChan[int](n)
	for _, fl := range []struct {
		name string
		c    interface {
			trySend(int) status
			tryRecv() (int, status)
		}
		watch *stallWatch
	}{
		{"unbounded", list, &list.watch},
		{"bounded", array, &array.watch},
	} {
		for i := range n {
			if fl.c.trySend(i) != ok {
				t.Fatalf("%s: send %d failed", fl.name, i)
			}
		}
		// About one look per yieldEvery sends, all but the first few past
		// the backlog, each finding the head at 0.
		if got := fl.watch.stalls.Load(); got < n/yieldEvery/2 {
			t.Fatalf("%s: %d looks in a row found the receiver stalled, want about %d", fl.name, got, n/yieldEvery)
		}
		for want := range n {
			if v, st := fl.c.tryRecv(); st != ok || v != want {
				t.Fatalf("%s: got %d, %v, want %d", fl.name, v, st, want)
			}
		}
	}
}
