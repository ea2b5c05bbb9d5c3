package a

import (
	"sync"
	"testing"

	"example.com/b"
)

// Two goroutines add at once: the lost update in module b is found.
func TestConcurrentAdds(t *testing.T) {
	var c b.Counter
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Add()
		}()
	}
	wg.Wait()
	if n := c.N(); n != 2 {
		t.Errorf("counted %d, want 2", n)
	}
}

// One goroutine adds twice: correct.
func TestSerialAdds(t *testing.T) {
	var c b.Counter
	c.Add()
	c.Add()
	if n := c.N(); n != 2 {
		t.Errorf("counted %d, want 2", n)
	}
}
