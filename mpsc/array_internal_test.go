package mpsc

import "testing"

// A new buffer holds lap 0's stamps in every slot, the ones mapPages wrote
// to and the ones between them, for slots smaller and larger than a page.
func TestNewBufferIsLapZero(t *testing.T) {
	for _, n := range []int{1, 3, 1000, 100_000} {
		checkLapZero(t, newArrayChan[int](n))
	}
	checkLapZero(t, newArrayChan[[2 * 4096]byte](5))
}

func checkLapZero[T any](t *testing.T, c *arrayChan[T]) {
	t.Helper()
	for i := range c.buf {
		if s := c.buf[i].stamp(uint64(i)); s != uint64(i) {
			t.Fatalf("%T, %d slots: slot %d has stamp %d, want %d", c.buf[i].val, len(c.buf), i, s, i)
		}
	}
}
