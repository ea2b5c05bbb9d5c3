package scratch

import (
	"hash/maphash"
	"testing"
)

// TestSeededHash starts three goroutines, or four as a hash with a random
// seed says: it does not take the same steps when run again along a
// schedule, which the explorer cannot explore, and says so, rather than
// fail. (Each run draws a new seed: of the hundreds of schedules of three
// goroutines, the first few already draw the other count.)
func TestSeededHash(t *testing.T) {
	var h maphash.Hash
	h.WriteString("key")
	n := 3 + int(h.Sum64()%2)
	done := make(chan int)
	for i := range n {
		go func() { done <- i }()
	}
	for range n {
		<-done
	}
}
