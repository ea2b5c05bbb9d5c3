package distpool

import (
	"fmt"
	"os"
	"time"
)

// An Option configures Serve.
type Option func(*serveConfig)

type serveConfig struct {
	name    string
	workers int
	lease   time.Duration
}

// Name names the worker in the *thread.PanicError of its panics; the
// default is host:pid.
func Name(name string) Option { return func(c *serveConfig) { c.name = name } }

// Workers sets how many calls the process runs at once (default 1).
func Workers(n int) Option {
	if n < 1 {
		panic(fmt.Sprintf("distpool: Workers must be at least 1, got %d", n))
	}
	return func(c *serveConfig) { c.workers = n }
}

// Lease sets how long the pool's hold on a call lasts without renewal:
// a call whose worker died runs elsewhere after d. It is the pool's, set
// by the Serve call that gives it (default 10s). Lease panics for d below
// 200ms.
func Lease(d time.Duration) Option {
	if d < 200*time.Millisecond {
		panic(fmt.Sprintf("distpool: Lease must be at least 200ms, got %v", d))
	}
	return func(c *serveConfig) { c.lease = d }
}

func configure(opts []Option) serveConfig {
	host, _ := os.Hostname()
	c := serveConfig{name: fmt.Sprintf("%s:%d", host, os.Getpid()), workers: 1}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}
