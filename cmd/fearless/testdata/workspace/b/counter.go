// Package b is a module of the workspace that module a's tests use.
package b

import "sync"

// Counter counts, but Add reads and writes under two different holds of
// the lock: two Adds at once may count one.
type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Add() {
	c.mu.Lock()
	v := c.n
	c.mu.Unlock()
	c.mu.Lock()
	c.n = v + 1
	c.mu.Unlock()
}

func (c *Counter) N() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
