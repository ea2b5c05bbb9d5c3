package mpsc

import "testing"

// A new buffer holds lap 0's stamps in every slot, the ones mapPages wrote
// to and the ones between them, for slots smaller and larger than a page.
func TestNewBufferIsLapZero(t *testing.T) {
	check := func(name string, stamps []uint64) {
		t.Helper()
		for i, s := range stamps {
			if s != uint64(i) {
				t.Fatalf("%s: slot %d has stamp %d, want %d", name, i, s, i)
			}
		}
	}
	for _, n := range []int{1, 3, 1000, 100_000} {
		c := newArrayChan[int](n)
		stamps := make([]uint64, n)
		for i := range c.buf {
			stamps[i] = c.buf[i].stamp(uint64(i))
		}
		check("int", stamps)
	}
	big := newArrayChan[[2 * 4096]byte](5)
	stamps := make([]uint64, len(big.buf))
	for i := range big.buf {
		stamps[i] = big.buf[i].stamp(uint64(i))
	}
	check("8 KiB values", stamps)
}
